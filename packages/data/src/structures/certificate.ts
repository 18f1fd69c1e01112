/**
 * Certificate: type, 2-byte length, payload. Payloads longer than their type needs are
 * rejected ("implementers are cautioned to prohibit excess data in Certificates").
 */
import { DecodeError, EncodeError } from '../errors.js';
import type { Reader, Writer } from '../bytes.js';
import { encInfoAt, sigInfoAt } from './key-fields.js';
import { CertificateType } from './types.js';
import type { Certificate, KeyCertificate } from './types.js';

/** Field sizes of the 384-byte KeysAndCert block that key-certificate excess data extends. */
export const PUBLIC_KEY_FIELD = 256;
export const SIGNING_KEY_FIELD = 128;

export const NULL_CERTIFICATE: Certificate = Object.freeze({ type: CertificateType.NULL, payload: new Uint8Array(0) });

const DSA_SIGNATURE_LENGTH = 40;

export function readCertificate(r: Reader): Certificate {
  const type = r.u8('Certificate type');
  const length = r.u16('Certificate length');
  const payloadAt = r.position;
  const c: Certificate = { type, payload: r.bytesView(length, 'Certificate payload') };
  checkCertificate(c, payloadAt);
  return c;
}

export function writeCertificate(w: Writer, c: Certificate): void {
  try {
    checkCertificate(c, 0);
  } catch (e) {
    throw new EncodeError(e instanceof Error ? e.message : String(e), { cause: e });
  }
  w.u8(c.type, 'Certificate type').u16(c.payload.length, 'Certificate length').bytes(c.payload);
}

/** Throws DecodeError (offsets relative to `payloadAt`) when the payload does not fit its type. */
export function checkCertificate(c: Certificate, payloadAt: number): void {
  const n = c.payload.length;
  switch (c.type) {
    case CertificateType.NULL:
    case CertificateType.HIDDEN:
      if (n !== 0) throw new DecodeError('DECODE_INVALID', `certificate type ${c.type} must be empty, has ${n} bytes`, payloadAt);
      return;
    case CertificateType.SIGNED:
      // A DSA signature, optionally followed by the signer's Hash.
      if (n !== DSA_SIGNATURE_LENGTH && n !== DSA_SIGNATURE_LENGTH + 32) {
        throw new DecodeError('DECODE_INVALID', `SIGNED certificate must have 40 or 72 bytes, has ${n}`, payloadAt);
      }
      return;
    case CertificateType.HASHCASH:
    case CertificateType.MULTIPLE:
      return;
    case CertificateType.KEY:
      parseKeyCertificateAt(c.payload, payloadAt);
      return;
    default:
      throw new DecodeError('DECODE_INVALID', `unknown certificate type ${c.type}`, payloadAt);
  }
}

/** Excess bytes a key certificate must carry for these types (signing excess, crypto excess). */
export function keyExcess(publicKeyLength: number, signingKeyLength: number): { sig: number; crypto: number } {
  return {
    sig: Math.max(0, signingKeyLength - SIGNING_KEY_FIELD),
    crypto: Math.max(0, publicKeyLength - PUBLIC_KEY_FIELD),
  };
}

function parseKeyCertificateAt(p: Uint8Array, at: number): KeyCertificate {
  if (p.length < 4) throw new DecodeError('DECODE_INVALID', `KEY certificate needs 4 bytes, has ${p.length}`, at);
  const sigType = (p[0]! << 8) | p[1]!;
  const encType = (p[2]! << 8) | p[3]!;
  const sig = sigInfoAt(sigType, at);
  const enc = encInfoAt(encType, at + 2);
  const excess = keyExcess(enc.publicKeyLength, sig.publicKeyLength);
  const expected = 4 + excess.sig + excess.crypto;
  if (p.length !== expected) {
    throw new DecodeError('DECODE_INVALID', `KEY certificate for types ${sigType}/${encType} must have ${expected} bytes, has ${p.length}`, at);
  }
  return {
    sigType,
    encType,
    excessSigningKey: p.subarray(4, 4 + excess.sig),
    excessCryptoKey: p.subarray(4 + excess.sig),
  };
}

/** The fields of a KEY certificate; DECODE_INVALID if it is not one or is malformed. */
export function parseKeyCertificate(c: Certificate): KeyCertificate {
  if (c.type !== CertificateType.KEY) throw new DecodeError('DECODE_INVALID', `not a KEY certificate (type ${c.type})`, 0);
  return parseKeyCertificateAt(c.payload, 0);
}

/** A KEY certificate naming the two types, without excess key data (createDestination adds that). */
export function keyCertificate(sigType: number, encType: number): Certificate {
  if (!isU16(sigType) || !isU16(encType)) throw new EncodeError(`key types out of range: ${sigType}/${encType}`);
  return { type: CertificateType.KEY, payload: new Uint8Array([sigType >> 8, sigType & 0xff, encType >> 8, encType & 0xff]) };
}

function isU16(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= 0xffff;
}

/** Signature type the certificate implies: a KEY certificate's, else DSA_SHA1 (0). */
export function certificateSigType(c: Certificate): number {
  return c.type === CertificateType.KEY && c.payload.length >= 4 ? (c.payload[0]! << 8) | c.payload[1]! : 0;
}

/** Encryption type the certificate implies: a KEY certificate's, else ElGamal (0). */
export function certificateEncType(c: Certificate): number {
  return c.type === CertificateType.KEY && c.payload.length >= 4 ? (c.payload[2]! << 8) | c.payload[3]! : 0;
}
