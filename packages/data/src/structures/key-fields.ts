/**
 * Keys and signatures as fields of a structure. Their sizes come from the type code, which
 * the surrounding structure supplies (a key certificate, a LeaseSet2 key header, …).
 */
import { DecodeError, EncodeError } from '../errors.js';
import type { Reader, Writer } from '../bytes.js';
import type { EncTypeInfo, PrivateKey, PublicKey, Signature, SigningPrivateKey, SigningPublicKey, SigTypeInfo } from '../key-types.js';
import { encTypeInfo, sigTypeInfo } from '../key-types.js';

/** Sizes of a signature type; an unknown code is UNSUPPORTED_TYPE at `offset` (its sizes cannot be known). */
export function sigInfoAt(sigType: number, offset: number): SigTypeInfo {
  const info = sigTypeInfo(sigType);
  if (info === undefined) throw new DecodeError('UNSUPPORTED_TYPE', `unknown signature type ${sigType}`, offset);
  return info;
}

export function encInfoAt(encType: number, offset: number): EncTypeInfo {
  const info = encTypeInfo(encType);
  if (info === undefined) throw new DecodeError('UNSUPPORTED_TYPE', `unknown encryption type ${encType}`, offset);
  return info;
}

function sigInfoForWrite(sigType: number): SigTypeInfo {
  const info = sigTypeInfo(sigType);
  if (info === undefined) throw new EncodeError(`unknown signature type ${sigType}`);
  return info;
}

function encInfoForWrite(encType: number): EncTypeInfo {
  const info = encTypeInfo(encType);
  if (info === undefined) throw new EncodeError(`unknown encryption type ${encType}`);
  return info;
}

export function readPublicKey(r: Reader, encType: number): PublicKey {
  const info = encInfoAt(encType, r.position);
  return { encType, bytes: r.bytesView(info.publicKeyLength, 'PublicKey') };
}

export function writePublicKey(w: Writer, k: PublicKey): void {
  w.fixed(k.bytes, encInfoForWrite(k.encType).publicKeyLength, 'PublicKey');
}

export function readPrivateKey(r: Reader, encType: number): PrivateKey {
  const info = encInfoAt(encType, r.position);
  return { encType, bytes: r.bytesView(info.privateKeyLength, 'PrivateKey') };
}

export function writePrivateKey(w: Writer, k: PrivateKey): void {
  w.fixed(k.bytes, encInfoForWrite(k.encType).privateKeyLength, 'PrivateKey');
}

export function readSigningPublicKey(r: Reader, sigType: number): SigningPublicKey {
  const info = sigInfoAt(sigType, r.position);
  return { sigType, bytes: r.bytesView(info.publicKeyLength, 'SigningPublicKey') };
}

export function writeSigningPublicKey(w: Writer, k: SigningPublicKey): void {
  w.fixed(k.bytes, sigInfoForWrite(k.sigType).publicKeyLength, 'SigningPublicKey');
}

export function readSigningPrivateKey(r: Reader, sigType: number): SigningPrivateKey {
  const info = sigInfoAt(sigType, r.position);
  return { sigType, bytes: r.bytesView(info.privateKeyLength, 'SigningPrivateKey') };
}

export function writeSigningPrivateKey(w: Writer, k: SigningPrivateKey): void {
  w.fixed(k.bytes, sigInfoForWrite(k.sigType).privateKeyLength, 'SigningPrivateKey');
}

export function readSignature(r: Reader, sigType: number): Signature {
  const info = sigInfoAt(sigType, r.position);
  return { sigType, bytes: r.bytesView(info.signatureLength, 'Signature') };
}

export function writeSignature(w: Writer, sig: Signature): void {
  w.fixed(sig.bytes, sigInfoForWrite(sig.sigType).signatureLength, 'Signature');
}

/** Signature writer that also checks the type a structure requires (the signer's). */
export function writeSignatureOfType(w: Writer, sig: Signature, sigType: number, what: string): void {
  if (sig.sigType !== sigType) throw new EncodeError(`${what} signature must be of type ${sigType}, got ${sig.sigType}`);
  writeSignature(w, sig);
}
