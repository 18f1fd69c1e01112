/**
 * LeaseSet in its 2003 form (with a 4-byte version after the lease count and 2003 leases)
 * and its current form (LS1, netdb type 1). Both are signed over all preceding bytes by the
 * Destination's signing key; the revocation key has the Destination's signature type.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { Writer } from '../bytes.js';
import type { Reader } from '../bytes.js';
import { EncType } from '../key-types.js';
import type { PublicKey } from '../key-types.js';
import { readDestination, writeDestination } from './destination.js';
import { readPublicKey, readSignature, readSigningPublicKey, writePublicKey, writeSignatureOfType, writeSigningPublicKey } from './key-fields.js';
import { readLease, readLease2003, writeLease, writeLease2003 } from './lease.js';
import type { LeaseSet, LeaseSet2003 } from './types.js';

/** LS1 carries at most 16 leases (Java rejects more). */
export const MAX_LEASES = 16;

export function readLeaseSet2003(r: Reader): LeaseSet2003 {
  const destination = readDestination(r);
  const sigType = destination.signingPublicKey.sigType;
  const encryptionKey = readPublicKey(r, EncType.ElGamal);
  const signingKey = readSigningPublicKey(r, sigType);
  const count = r.u8('lease count');
  const version = r.u32('LeaseSet version');
  const leases = [];
  for (let i = 0; i < count; i++) leases.push(readLease2003(r));
  return { destination, encryptionKey, signingKey, version, leases, signature: readSignature(r, sigType) };
}

export function writeLeaseSet2003(w: Writer, ls: LeaseSet2003): void {
  writeLeaseSet2003Body(w, ls);
  writeSignatureOfType(w, ls.signature, ls.destination.signingPublicKey.sigType, 'LeaseSet');
}

function writeLeaseSet2003Body(w: Writer, ls: Omit<LeaseSet2003, 'signature'>): void {
  writeDestination(w, ls.destination);
  writeElGamalKey(w, ls.encryptionKey);
  writeRevocationKey(w, ls);
  w.u8(ls.leases.length, 'lease count');
  w.u32(ls.version, 'LeaseSet version');
  for (const l of ls.leases) writeLease2003(w, l);
}

/** The bytes the 2003 LeaseSet signature covers. */
export function leaseSet2003SignedBytes(ls: Omit<LeaseSet2003, 'signature'>): Uint8Array {
  const w = new Writer(1024);
  writeLeaseSet2003Body(w, ls);
  return w.finish();
}

export function readLeaseSet(r: Reader): LeaseSet {
  const destination = readDestination(r);
  const sigType = destination.signingPublicKey.sigType;
  const encryptionKey = readPublicKey(r, EncType.ElGamal);
  const signingKey = readSigningPublicKey(r, sigType);
  const at = r.position;
  const count = r.u8('lease count');
  if (count > MAX_LEASES) throw new DecodeError('DECODE_INVALID', `LeaseSet has ${count} leases, at most ${MAX_LEASES} allowed`, at);
  const leases = [];
  for (let i = 0; i < count; i++) leases.push(readLease(r));
  return { destination, encryptionKey, signingKey, leases, signature: readSignature(r, sigType) };
}

export function writeLeaseSet(w: Writer, ls: LeaseSet): void {
  writeLeaseSetBody(w, ls);
  writeSignatureOfType(w, ls.signature, ls.destination.signingPublicKey.sigType, 'LeaseSet');
}

function writeLeaseSetBody(w: Writer, ls: Omit<LeaseSet, 'signature'>): void {
  if (ls.leases.length > MAX_LEASES) throw new EncodeError(`LeaseSet has ${ls.leases.length} leases, at most ${MAX_LEASES} allowed`);
  writeDestination(w, ls.destination);
  writeElGamalKey(w, ls.encryptionKey);
  writeRevocationKey(w, ls);
  w.u8(ls.leases.length, 'lease count');
  for (const l of ls.leases) writeLease(w, l);
}

/** The bytes the LS1 signature covers. */
export function leaseSetSignedBytes(ls: Omit<LeaseSet, 'signature'>): Uint8Array {
  const w = new Writer(1024);
  writeLeaseSetBody(w, ls);
  return w.finish();
}

function writeElGamalKey(w: Writer, k: PublicKey): void {
  if (k.encType !== EncType.ElGamal) throw new EncodeError(`LeaseSet encryption key must be ElGamal (type 0), got type ${k.encType}`);
  writePublicKey(w, k);
}

function writeRevocationKey(w: Writer, ls: Omit<LeaseSet, 'signature' | 'leases'>): void {
  const sigType = ls.destination.signingPublicKey.sigType;
  if (ls.signingKey.sigType !== sigType) {
    throw new EncodeError(`LeaseSet signing key must have the Destination's type ${sigType}, got ${ls.signingKey.sigType}`);
  }
  writeSigningPublicKey(w, ls.signingKey);
}
