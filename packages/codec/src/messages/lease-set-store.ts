/**
 * Encrypted (store type 5) and meta (7) lease sets travel through CreateLeaseSet2 as opaque
 * bytes; these scanners only find where each one ends, checking its framing on the way.
 */
import { readDestination, readMapping, readSignature, readSigningPublicKey } from '@i2cp/data';
import type { Reader } from '@i2cp/data';

const FLAG_OFFLINE = 1;
const META_LEASE_BYTES = 40;
const HASH_BYTES = 32;

/** Reads past an optional offline signature; returns the type that signs what follows. */
function skipOfflineSignature(r: Reader, flags: number, signerType: number): number {
  if ((flags & FLAG_OFFLINE) === 0) return signerType;
  r.u32('offline expiry');
  const transientType = r.u16('transient signature type');
  readSigningPublicKey(r, transientType);
  readSignature(r, signerType);
  return transientType;
}

/** Blinded key type and key, published, expires, flags, [offline], length-prefixed ciphertext, signature. */
export function readEncryptedLeaseSetBytes(r: Reader): Uint8Array {
  const start = r.offset;
  const blindedType = r.u16('blinded signature type');
  readSigningPublicKey(r, blindedType);
  r.u32('published');
  r.u16('expires');
  const flags = r.u16('flags');
  const signerType = skipOfflineSignature(r, flags, blindedType);
  r.bytesView(r.u16('encrypted data length'), 'encrypted data');
  readSignature(r, signerType);
  return r.bytes.subarray(start, r.offset);
}

/** LS2 header, options, MetaLeases (40 bytes each), revocation hashes, signature. */
export function readMetaLeaseSetBytes(r: Reader): Uint8Array {
  const start = r.offset;
  const destination = readDestination(r);
  r.u32('published');
  r.u16('expires');
  const flags = r.u16('flags');
  const signerType = skipOfflineSignature(r, flags, destination.signingPublicKey.sigType);
  readMapping(r);
  r.bytesView(r.u8('meta lease count') * META_LEASE_BYTES, 'meta leases');
  r.bytesView(r.u8('revocation count') * HASH_BYTES, 'revocations');
  readSignature(r, signerType);
  return r.bytes.subarray(start, r.offset);
}
