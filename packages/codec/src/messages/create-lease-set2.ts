import { DecodeError, EncodeError, Reader, encTypeInfo, isI2cpError, readLeaseSet2, writeLeaseSet2 } from '@i2cp/data';
import type { PrivateKey, Writer } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import { readEncryptedLeaseSetBytes, readMetaLeaseSetBytes } from './lease-set-store.js';
import type { LeaseSet2Store } from './types.js';

const StoreType = { LeaseSet: 1, LeaseSet2: 3, Encrypted: 5, Meta: 7 } as const;

/**
 * SessionId, store type, the lease set, then (except for meta lease sets) a count and one
 * (encType:2, length:2, key) per LS2 encryption key. Store type 1 is refused both ways: Java
 * reads it asymmetrically and i2pd not at all (I2CP-wire §4.22); LS1 goes in CreateLeaseSet.
 */
export const createLeaseSet2: MessageCodec<'CreateLeaseSet2'> = {
  name: 'CreateLeaseSet2',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    const s = m.store;
    w.u8(s.storeType, 'store type');
    if (s.storeType === StoreType.LeaseSet2) writeLeaseSet2(w, s.leaseSet);
    else w.bytes(checkedStoreBytes(s.storeType, s.bytes));
    if (s.storeType === StoreType.Meta) {
      if (m.privateKeys.length > 0) throw new EncodeError('a meta lease set carries no private keys');
      return;
    }
    writePrivateKeys(w, m.privateKeys);
  },
  decode: (r) => {
    const sessionId = readSessionId(r);
    const at = r.position;
    const storeType = r.u8('store type');
    const store = readStore(r, storeType, at);
    const privateKeys = storeType === StoreType.Meta ? [] : readPrivateKeys(r);
    return { type: 'CreateLeaseSet2', sessionId, store, privateKeys };
  },
};

function readStore(r: Reader, storeType: number, at: number): LeaseSet2Store {
  switch (storeType) {
    case StoreType.LeaseSet2:
      return { storeType, leaseSet: readLeaseSet2(r) };
    case StoreType.Encrypted:
      return { storeType, bytes: readEncryptedLeaseSetBytes(r) };
    case StoreType.Meta:
      return { storeType, bytes: readMetaLeaseSetBytes(r) };
    case StoreType.LeaseSet:
      throw new DecodeError('UNSUPPORTED_TYPE', 'CreateLeaseSet2 with an LS1 (store type 1) is not interoperable; use CreateLeaseSet', at);
    default:
      throw new DecodeError('DECODE_INVALID', `unknown lease set store type ${storeType}`, at);
  }
}

/** Opaque lease set bytes must be exactly one structure of their type, or the body would not parse back. */
function checkedStoreBytes(storeType: 5 | 7, bytes: Uint8Array): Uint8Array {
  const r = new Reader(bytes);
  try {
    if (storeType === StoreType.Encrypted) readEncryptedLeaseSetBytes(r);
    else readMetaLeaseSetBytes(r);
    r.end('lease set');
  } catch (e) {
    if (isI2cpError(e)) throw new EncodeError(`store type ${storeType} bytes are not a valid lease set: ${e.message}`, { cause: e });
    throw e;
  }
  return bytes;
}

function readPrivateKeys(r: Reader): PrivateKey[] {
  const n = r.u8('private key count');
  const keys: PrivateKey[] = [];
  for (let i = 0; i < n; i++) {
    const at = r.position;
    const encType = r.u16('private key type');
    const length = r.u16('private key length');
    // Unknown types keep the bytes their length names; known ones must have their size.
    const expected = encTypeInfo(encType)?.privateKeyLength;
    if (expected !== undefined && expected !== length) {
      throw new DecodeError('DECODE_INVALID', `private key of type ${encType} must be ${expected} bytes, is ${length}`, at);
    }
    keys.push({ encType, bytes: r.bytesView(length, 'private key') });
  }
  return keys;
}

function writePrivateKeys(w: Writer, keys: readonly PrivateKey[]): void {
  w.u8(keys.length, 'private key count');
  for (const k of keys) {
    const expected = encTypeInfo(k.encType)?.privateKeyLength;
    if (expected !== undefined && expected !== k.bytes.length) {
      throw new EncodeError(`private key of type ${k.encType} must be ${expected} bytes, is ${k.bytes.length}`);
    }
    w.u16(k.encType, 'private key type').u16(k.bytes.length, 'private key length').bytes(k.bytes);
  }
}
