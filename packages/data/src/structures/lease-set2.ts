/**
 * LeaseSet2 (netdb type 3, proposal 123): header (Destination, published and expiry in
 * seconds, flags, optional offline signature), options, encryption keys, Lease2s and a
 * signature over the byte 0x03 followed by everything before the signature.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { Writer } from '../bytes.js';
import type { Reader } from '../bytes.js';
import { encTypeInfo } from '../key-types.js';
import type { PublicKey } from '../key-types.js';
import { readDestination, writeDestination } from './destination.js';
import { readSignature, readSigningPublicKey, writeSignatureOfType, writeSigningPublicKey } from './key-fields.js';
import { readLease2, writeLease2 } from './lease.js';
import { MAX_LEASES } from './lease-set.js';
import { readMapping, writeMapping } from './mapping.js';
import type { LeaseSet2, OfflineSignature } from './types.js';

/** Database store type of a LeaseSet2; its signature covers this byte first. */
export const LEASE_SET2_TYPE = 3;
/** Flags bit 0: an offline signature follows the header and a transient key signs. */
export const LS2_FLAG_OFFLINE = 1;
/** Java accepts at most 8 encryption keys. */
export const MAX_LS2_KEYS = 8;

export function readOfflineSignature(r: Reader, destinationSigType: number): OfflineSignature {
  const expiresSeconds = r.u32('offline expiry');
  const transientType = r.u16('transient signature type');
  const transientKey = readSigningPublicKey(r, transientType);
  return { expiresSeconds, transientKey, signature: readSignature(r, destinationSigType) };
}

export function writeOfflineSignature(w: Writer, o: OfflineSignature, destinationSigType: number): void {
  writeOfflineSignedPart(w, o);
  writeSignatureOfType(w, o.signature, destinationSigType, 'offline');
}

function writeOfflineSignedPart(w: Writer, o: Omit<OfflineSignature, 'signature'>): void {
  w.u32(o.expiresSeconds, 'offline expiry').u16(o.transientKey.sigType, 'transient signature type');
  writeSigningPublicKey(w, o.transientKey);
}

/** The bytes the Destination's key signs to authorise a transient key: expires ‖ sigtype ‖ key. */
export function offlineSignatureSignedBytes(o: Omit<OfflineSignature, 'signature'>): Uint8Array {
  const w = new Writer(6 + o.transientKey.bytes.length);
  writeOfflineSignedPart(w, o);
  return w.finish();
}

export function readLeaseSet2(r: Reader): LeaseSet2 {
  const destination = readDestination(r);
  const destinationSigType = destination.signingPublicKey.sigType;
  const publishedSeconds = r.u32('published');
  const expiresOffsetSeconds = r.u16('expires');
  const flags = r.u16('flags');
  const offlineSignature = (flags & LS2_FLAG_OFFLINE) !== 0 ? readOfflineSignature(r, destinationSigType) : undefined;
  const options = readMapping(r);
  const encryptionKeys = readEncryptionKeys(r);
  const countAt = r.position;
  const count = r.u8('lease count');
  if (count > MAX_LEASES) throw new DecodeError('DECODE_INVALID', `LeaseSet2 has ${count} leases, at most ${MAX_LEASES} allowed`, countAt);
  const leases = [];
  for (let i = 0; i < count; i++) leases.push(readLease2(r));
  const signature = readSignature(r, offlineSignature?.transientKey.sigType ?? destinationSigType);
  const header = { destination, publishedSeconds, expiresOffsetSeconds, flags };
  const rest = { options, encryptionKeys, leases, signature };
  return offlineSignature === undefined ? { ...header, ...rest } : { ...header, offlineSignature, ...rest };
}

function readEncryptionKeys(r: Reader): PublicKey[] {
  const at = r.position;
  const n = r.u8('key count');
  if (n < 1 || n > MAX_LS2_KEYS) throw new DecodeError('DECODE_INVALID', `LeaseSet2 must have 1 to ${MAX_LS2_KEYS} keys, has ${n}`, at);
  const keys: PublicKey[] = [];
  for (let i = 0; i < n; i++) {
    const keyAt = r.position;
    const encType = r.u16('key type');
    const length = r.u16('key length');
    // Unknown types keep their bytes (the length says how many); known ones must have their size.
    const expected = encTypeInfo(encType)?.publicKeyLength;
    if (expected !== undefined && expected !== length) {
      throw new DecodeError('DECODE_INVALID', `key of type ${encType} must be ${expected} bytes, is ${length}`, keyAt);
    }
    keys.push({ encType, bytes: r.bytesView(length, 'LeaseSet2 key') });
  }
  return keys;
}

export function writeLeaseSet2(w: Writer, ls: LeaseSet2): void {
  writeLeaseSet2Body(w, ls);
  writeSignatureOfType(w, ls.signature, leaseSet2SignerType(ls), 'LeaseSet2');
}

/** Signature type that signs this LeaseSet2: the transient key's if offline, else the Destination's. */
export function leaseSet2SignerType(ls: Pick<LeaseSet2, 'destination' | 'offlineSignature'>): number {
  return ls.offlineSignature?.transientKey.sigType ?? ls.destination.signingPublicKey.sigType;
}

function writeLeaseSet2Body(w: Writer, ls: Omit<LeaseSet2, 'signature'>): void {
  const offline = (ls.flags & LS2_FLAG_OFFLINE) !== 0;
  if (offline !== (ls.offlineSignature !== undefined)) {
    throw new EncodeError('LeaseSet2 flags bit 0 must be set exactly when an offline signature is present');
  }
  const n = ls.encryptionKeys.length;
  if (n < 1 || n > MAX_LS2_KEYS) throw new EncodeError(`LeaseSet2 must have 1 to ${MAX_LS2_KEYS} keys, has ${n}`);
  if (ls.leases.length > MAX_LEASES) throw new EncodeError(`LeaseSet2 has ${ls.leases.length} leases, at most ${MAX_LEASES} allowed`);
  writeDestination(w, ls.destination);
  w.u32(ls.publishedSeconds, 'published').u16(ls.expiresOffsetSeconds, 'expires').u16(ls.flags, 'flags');
  if (ls.offlineSignature !== undefined) writeOfflineSignature(w, ls.offlineSignature, ls.destination.signingPublicKey.sigType);
  writeMapping(w, ls.options);
  w.u8(n);
  for (const k of ls.encryptionKeys) {
    const expected = encTypeInfo(k.encType)?.publicKeyLength;
    if (expected !== undefined && expected !== k.bytes.length) {
      throw new EncodeError(`key of type ${k.encType} must be ${expected} bytes, is ${k.bytes.length}`);
    }
    w.u16(k.encType, 'key type').u16(k.bytes.length, 'key length').bytes(k.bytes);
  }
  w.u8(ls.leases.length);
  for (const l of ls.leases) writeLease2(w, l);
}

/** The bytes the LeaseSet2 signature covers: 0x03 ‖ everything before the signature. */
export function leaseSet2SignedBytes(ls: Omit<LeaseSet2, 'signature'>): Uint8Array {
  const w = new Writer(1024);
  w.u8(LEASE_SET2_TYPE);
  writeLeaseSet2Body(w, ls);
  return w.finish();
}
