/**
 * Encrypted (store type 5) and meta (7) lease sets in CreateLeaseSet2, as far as the stub can check
 * them with the crypto at hand (Java's handleCreateLeaseSet does more; see each function).
 */
import {
  LS2_FLAG_OFFLINE,
  Reader,
  SigType,
  bytesEqual,
  concatBytes,
  readDestination,
  readMapping,
  readSignature,
  readSigningPublicKey,
  verify,
} from '@i2cp/data';
import type { Destination, Signature, SigningPublicKey } from '@i2cp/data';

const META_ENTRY_BYTES = 40;
const HASH_BYTES = 32;

export type StoredCheck = { readonly ok: true; readonly earliestEnd: number } | { readonly ok: false; readonly reason: string };

/**
 * Meta lease set (7): no private keys; it must be for the session's Destination and signed by it
 * (over the store type 7 and all preceding bytes), as Java's router requires before publishing it.
 */
export function checkMetaLeaseSet(destination: Destination, bytes: Uint8Array): StoredCheck {
  const r = new Reader(bytes);
  const own = readDestination(r);
  if (!bytesEqual(own.bytes, destination.bytes)) return { ok: false, reason: 'the meta lease set is for another destination' };
  const timing = readTiming(r);
  if (timing.offline) return { ok: false, reason: 'offline signatures in meta lease sets are not supported by the router stub' };
  readMapping(r);
  r.bytesView(r.u8('meta entry count') * META_ENTRY_BYTES, 'meta entries');
  r.bytesView(r.u8('revocation count') * HASH_BYTES, 'revocations');
  return signed(7, bytes, r, own.signingPublicKey, timing, 'meta lease set');
}

/**
 * Encrypted lease set (5): the outer signature is checked with the blinded key it carries (RedDSA
 * verifies like Ed25519). What Java does beyond that needs crypto the stub does not have: deriving
 * the blinded key from the session's Destination (Ed25519 point arithmetic, which node:crypto does not
 * expose) to prove the lease set is that Destination's, and decrypting the inner LeaseSet2 to match
 * the private keys against its keys. So the keys handed over are not checked, and the lease set is
 * bound to the session only by the session id.
 */
export function checkEncryptedLeaseSet(bytes: Uint8Array): StoredCheck {
  const r = new Reader(bytes);
  const blindedType = r.u16('blinded signature type');
  if (blindedType !== SigType.RedDSA_SHA512_Ed25519 && blindedType !== SigType.EdDSA_SHA512_Ed25519) {
    return { ok: false, reason: `encrypted lease set blinded key type ${blindedType} (expected RedDSA, 11)` };
  }
  const blindedKey = readSigningPublicKey(r, blindedType);
  const timing = readTiming(r);
  if (timing.offline) return { ok: false, reason: 'offline signatures in encrypted lease sets are not supported by the router stub' };
  r.bytesView(r.u16('encrypted data length'), 'encrypted data');
  return signed(5, bytes, r, blindedKey, timing, 'encrypted lease set');
}

interface Timing {
  readonly publishedSeconds: number;
  readonly expiresOffsetSeconds: number;
  readonly offline: boolean;
}

function readTiming(r: Reader): Timing {
  const publishedSeconds = r.u32('published');
  const expiresOffsetSeconds = r.u16('expires');
  return { publishedSeconds, expiresOffsetSeconds, offline: (r.u16('flags') & LS2_FLAG_OFFLINE) !== 0 };
}

/** The signature ends the structure and covers the store type byte followed by everything before it. */
function signed(storeType: number, bytes: Uint8Array, r: Reader, key: SigningPublicKey, timing: Timing, what: string): StoredCheck {
  const end = r.offset;
  const signature: Signature = readSignature(r, key.sigType);
  r.end(what);
  if (!verify(key, concatBytes([Uint8Array.of(storeType), bytes.subarray(0, end)]), signature)) return { ok: false, reason: `bad ${what} signature` };
  return { ok: true, earliestEnd: (timing.publishedSeconds + timing.expiresOffsetSeconds) * 1000 };
}
