import {
  EncType,
  SigType,
  readLeaseSet,
  readLeaseSet2003,
  readPrivateKey,
  readSigningPrivateKey,
  writeLeaseSet,
  writeLeaseSet2003,
  writePrivateKey,
  writeSigningPrivateKey,
  EncodeError,
} from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, sameDialect, writeSessionId } from './fields.js';

/** Current dialect: the (unused) signing private key field is always 20 bytes, whatever the key type. */
const SIGNING_KEY_FIELD = 20;

/**
 * 2003: SessionId, DSA SigningPrivateKey, ElGamal PrivateKey, 2003 LeaseSet.
 * Current: SessionId, 20-byte field, ElGamal PrivateKey, LS1 LeaseSet.
 */
export const createLeaseSet: MessageCodec<'CreateLeaseSet'> = {
  name: 'CreateLeaseSet',
  encode: (w, m, dialect) => {
    sameDialect(m.dialect, dialect, 'CreateLeaseSet');
    writeSessionId(w, m.sessionId);
    if (m.dialect === '2003') {
      if (m.signingPrivateKey.sigType !== SigType.DSA_SHA1) throw new EncodeError('2003 CreateLeaseSet needs a DSA signing private key');
      writeSigningPrivateKey(w, m.signingPrivateKey);
      writeElGamal(w, m.privateKey);
      writeLeaseSet2003(w, m.leaseSet);
    } else {
      w.fixed(m.signingPrivateKey, SIGNING_KEY_FIELD, 'CreateLeaseSet signing private key field');
      writeElGamal(w, m.privateKey);
      writeLeaseSet(w, m.leaseSet);
    }
  },
  decode: (r, dialect) => {
    const sessionId = readSessionId(r);
    if (dialect === '2003') {
      const signingPrivateKey = readSigningPrivateKey(r, SigType.DSA_SHA1);
      const privateKey = readPrivateKey(r, EncType.ElGamal);
      return { type: 'CreateLeaseSet', dialect, sessionId, signingPrivateKey, privateKey, leaseSet: readLeaseSet2003(r) };
    }
    const signingPrivateKey = r.bytesView(SIGNING_KEY_FIELD, 'signing private key field');
    const privateKey = readPrivateKey(r, EncType.ElGamal);
    return { type: 'CreateLeaseSet', dialect, sessionId, signingPrivateKey, privateKey, leaseSet: readLeaseSet(r) };
  },
};

function writeElGamal(w: Parameters<typeof writePrivateKey>[0], key: Parameters<typeof writePrivateKey>[1]): void {
  if (key.encType !== EncType.ElGamal) throw new EncodeError(`CreateLeaseSet needs an ElGamal private key, got type ${key.encType}`);
  writePrivateKey(w, key);
}
