import {
  DecodeError,
  EncType,
  Reader,
  isI2cpError,
  readDestination,
  readLeaseSet,
  readLeaseSet2003,
  readPrivateKey,
  readSigningPrivateKey,
  writeLeaseSet,
  writeLeaseSet2003,
  writePrivateKey,
  writeSigningPrivateKey,
  sigTypeInfo,
  EncodeError,
} from '@i2cp/data';
import type { I2cpError } from '@i2cp/data';
import type { CreateLeaseSet2003Message } from './types.js';
import type { MessageCodec } from './codec.js';
import { readSessionId, sameDialect, writeSessionId } from './fields.js';

/** Current dialect: the (unused) signing private key field is always 20 bytes, whatever the key type. */
const SIGNING_KEY_FIELD = 20;

/** ElGamal PrivateKey, between the SigningPrivateKey and the LeaseSet. */
const ELGAMAL_PRIVATE_KEY = 256;

/**
 * 2003: SessionId, SigningPrivateKey, ElGamal PrivateKey, 2003 LeaseSet. The draft knows DSA only
 * (a 20-byte key); for other Destinations the key has the size of the Destination's signing type, as
 * the LeaseSet's revocation key and signature do.
 * Current: SessionId, 20-byte field, ElGamal PrivateKey, LS1 LeaseSet.
 */
export const createLeaseSet: MessageCodec<'CreateLeaseSet'> = {
  name: 'CreateLeaseSet',
  encode: (w, m, dialect) => {
    sameDialect(m.dialect, dialect, 'CreateLeaseSet');
    writeSessionId(w, m.sessionId);
    if (m.dialect === '2003') {
      const sigType = m.leaseSet.destination.signingPublicKey.sigType;
      if (m.signingPrivateKey.sigType !== sigType) {
        throw new EncodeError(`2003 CreateLeaseSet: the SigningPrivateKey must have the Destination's signing type ${sigType}, got ${m.signingPrivateKey.sigType}`);
      }
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
    if (dialect === '2003') return decode2003(r, sessionId);
    const signingPrivateKey = r.bytesView(SIGNING_KEY_FIELD, 'signing private key field');
    const privateKey = readPrivateKey(r, EncType.ElGamal);
    return { type: 'CreateLeaseSet', dialect, sessionId, signingPrivateKey, privateKey, leaseSet: readLeaseSet(r) };
  },
};

function writeElGamal(w: Parameters<typeof writePrivateKey>[0], key: Parameters<typeof writePrivateKey>[1]): void {
  if (key.encType !== EncType.ElGamal) throw new EncodeError(`CreateLeaseSet needs an ElGamal private key, got type ${key.encType}`);
  writePrivateKey(w, key);
}

/** Private-key sizes of the known signature types, smallest (DSA's 20) first. */
const SIGNING_PRIVATE_KEY_SIZES = [...new Set(Array.from({ length: 16 }, (_, code) => sigTypeInfo(code)?.privateKeyLength))]
  .filter((n) => n !== undefined)
  .sort((a, b) => a - b);

/**
 * The SigningPrivateKey comes before the Destination that gives its size, so each known size is
 * tried: the Destination must lie right after that key and the PrivateKey, have a signing type of
 * that size, and the whole message must then parse to its end. DSA (20 bytes) is tried first, so
 * draft messages decode as before. When no size fits: the error of the first size whose
 * Destination fits, else DECODE_TRUNCATED if more bytes could still make one fit, else the error
 * the DSA reading gives.
 */
function decode2003(r: Reader, sessionId: number): CreateLeaseSet2003Message {
  const start = r.offset;
  let parsed: { readonly message: CreateLeaseSet2003Message; readonly end: number } | undefined;
  let fitting: I2cpError | undefined;
  let truncated: I2cpError | undefined;
  /** Why the first (DSA) size failed. */
  let first: I2cpError | undefined;
  for (const size of SIGNING_PRIVATE_KEY_SIZES) {
    let sigType: number;
    try {
      sigType = readDestination(readerAt(r, start + size + ELGAMAL_PRIVATE_KEY)).signingPublicKey.sigType;
    } catch (e) {
      if (!isI2cpError(e)) throw e;
      first ??= e;
      if (e.code === 'DECODE_TRUNCATED') truncated ??= e;
      continue;
    }
    if (sigTypeInfo(sigType)?.privateKeyLength !== size) {
      first ??= new DecodeError('DECODE_INVALID', `2003 CreateLeaseSet: no Destination of a signing type with ${size}-byte private keys after the keys`, r.position);
      continue;
    }
    const attempt = readerAt(r, start);
    try {
      const signingPrivateKey = readSigningPrivateKey(attempt, sigType);
      const privateKey = readPrivateKey(attempt, EncType.ElGamal);
      const message: CreateLeaseSet2003Message = { type: 'CreateLeaseSet', dialect: '2003', sessionId, signingPrivateKey, privateKey, leaseSet: readLeaseSet2003(attempt) };
      if (attempt.remaining === 0) {
        r.offset = attempt.offset;
        return message;
      }
      parsed ??= { message, end: attempt.offset };
    } catch (e) {
      if (!isI2cpError(e)) throw e;
      fitting ??= e;
    }
  }
  if (parsed !== undefined) {
    // Bytes left over: the caller's end check reports them.
    r.offset = parsed.end;
    return parsed.message;
  }
  throw fitting ?? truncated ?? first ?? new DecodeError('DECODE_INVALID', '2003 CreateLeaseSet: no signing type fits', r.position);
}

function readerAt(r: Reader, offset: number): Reader {
  const at = new Reader(r.bytes, r.base);
  at.offset = Math.min(offset, r.bytes.length);
  return at;
}
