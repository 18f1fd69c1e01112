/**
 * KeysAndCert (Destination, RouterIdentity): a 384-byte block holding the crypto key
 * left-aligned in its 256-byte field and the signing key right-aligned to byte 384, padding
 * between them, then a Certificate. Keys too long for their field continue in the KEY
 * certificate. Decoding is on the router's hot path (every SendMessage carries a
 * Destination), so it returns views of the input and copies only to join split keys.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { Writer, bytesEqual, concatBytes } from '../bytes.js';
import type { Reader } from '../bytes.js';
import { randomBytes, sha256 } from '../crypto/hash.js';
import { encTypeInfo, sigTypeInfo } from '../key-types.js';
import type { PublicKey, SigningPublicKey } from '../key-types.js';
import {
  NULL_CERTIFICATE,
  PUBLIC_KEY_FIELD,
  SIGNING_KEY_FIELD,
  certificateEncType,
  certificateSigType,
  checkCertificate,
  keyExcess,
} from './certificate.js';
import { encInfoAt, sigInfoAt } from './key-fields.js';
import { decode } from './primitives.js';
import { CertificateType } from './types.js';
import type { Certificate, Destination, KeysAndCert } from './types.js';

const BLOCK = 384;
const HEADER = BLOCK + 3;

/** Where each part lies for one (signature type, encryption type) pair. */
interface Layout {
  readonly publicKeyLength: number;
  readonly signingKeyLength: number;
  readonly publicKeyInBlock: number;
  readonly signingKeyInBlock: number;
  readonly excessSig: number;
  readonly excessCrypto: number;
}

const layouts = new Map<number, Layout>();

function layoutOf(publicKeyLength: number, signingKeyLength: number): Layout {
  const excess = keyExcess(publicKeyLength, signingKeyLength);
  return {
    publicKeyLength,
    signingKeyLength,
    publicKeyInBlock: publicKeyLength - excess.crypto,
    signingKeyInBlock: signingKeyLength - excess.sig,
    excessSig: excess.sig,
    excessCrypto: excess.crypto,
  };
}

/** Layout for a KEY certificate's types; unknown types are UNSUPPORTED_TYPE at `at` (the certificate payload). */
function keyLayout(sigType: number, encType: number, at: number): Layout {
  const id = sigType * 0x10000 + encType;
  let l = layouts.get(id);
  if (l === undefined) {
    l = layoutOf(encInfoAt(encType, at + 2).publicKeyLength, sigInfoAt(sigType, at).publicKeyLength);
    layouts.set(id, l);
  }
  return l;
}

const LEGACY = layoutOf(PUBLIC_KEY_FIELD, SIGNING_KEY_FIELD);

export function readDestination(r: Reader): Destination {
  const start = r.offset;
  const at = r.position;
  r.need(HEADER, 'KeysAndCert');
  const b = r.bytes;
  const certType = b[start + BLOCK]!;
  const certLength = (b[start + BLOCK + 1]! << 8) | b[start + BLOCK + 2]!;
  if (certType === CertificateType.NULL && certLength === 0) {
    r.offset = start + HEADER;
    return new KeysAndCertView(b.subarray(start, start + HEADER), LEGACY, 0, 0, NULL_CERTIFICATE);
  }
  r.need(HEADER + certLength, 'KeysAndCert certificate');
  const end = start + HEADER + certLength;
  if (certType !== CertificateType.KEY) {
    const bytes = b.subarray(start, end);
    const certificate: Certificate = { type: certType, payload: bytes.subarray(HEADER) };
    checkCertificate(certificate, at + HEADER);
    r.offset = end;
    return new KeysAndCertView(bytes, LEGACY, 0, 0, certificate);
  }
  if (certLength < 4) throw new DecodeError('DECODE_INVALID', `KEY certificate needs 4 bytes, has ${certLength}`, at + HEADER);
  const p = start + HEADER;
  const sigType = (b[p]! << 8) | b[p + 1]!;
  const encType = (b[p + 2]! << 8) | b[p + 3]!;
  const layout = keyLayout(sigType, encType, at + HEADER);
  const expected = 4 + layout.excessSig + layout.excessCrypto;
  if (certLength !== expected) {
    throw new DecodeError('DECODE_INVALID', `KEY certificate for types ${sigType}/${encType} must have ${expected} bytes, has ${certLength}`, at + HEADER);
  }
  r.offset = end;
  return new KeysAndCertView(b.subarray(start, end), layout, sigType, encType, undefined);
}

export const readRouterIdentity: (r: Reader) => KeysAndCert = readDestination;

/**
 * A decoded KeysAndCert. Its only own field is `bytes`; the parts are views cut on first use,
 * because most Destinations on the wire are only hashed or forwarded (a subarray costs about as
 * much as the rest of the decoding). Equality of `bytes` is equality of everything.
 */
class KeysAndCertView implements KeysAndCert {
  readonly bytes: Uint8Array;
  readonly #layout: Layout;
  readonly #sigType: number;
  readonly #encType: number;
  #certificate: Certificate | undefined;
  #publicKey: PublicKey | undefined;
  #signingPublicKey: SigningPublicKey | undefined;

  /** `certificate` undefined: a KEY certificate, cut from `bytes` when first asked for. */
  constructor(bytes: Uint8Array, layout: Layout, sigType: number, encType: number, certificate: Certificate | undefined) {
    this.bytes = bytes;
    this.#layout = layout;
    this.#sigType = sigType;
    this.#encType = encType;
    this.#certificate = certificate;
  }

  get certificate(): Certificate {
    this.#certificate ??= { type: CertificateType.KEY, payload: this.bytes.subarray(HEADER) };
    return this.#certificate;
  }

  get publicKey(): PublicKey {
    const l = this.#layout;
    const b = this.bytes;
    this.#publicKey ??= {
      encType: this.#encType,
      bytes:
        l.excessCrypto === 0
          ? b.subarray(0, l.publicKeyLength)
          : concatBytes([b.subarray(0, PUBLIC_KEY_FIELD), b.subarray(HEADER + 4 + l.excessSig, HEADER + 4 + l.excessSig + l.excessCrypto)]),
    };
    return this.#publicKey;
  }

  get signingPublicKey(): SigningPublicKey {
    const l = this.#layout;
    const b = this.bytes;
    const start = BLOCK - l.signingKeyInBlock;
    this.#signingPublicKey ??= {
      sigType: this.#sigType,
      bytes: l.excessSig === 0 ? b.subarray(start, BLOCK) : concatBytes([b.subarray(start, BLOCK), b.subarray(HEADER + 4, HEADER + 4 + l.excessSig)]),
    };
    return this.#signingPublicKey;
  }

  get padding(): Uint8Array {
    return this.bytes.subarray(this.#layout.publicKeyInBlock, BLOCK - this.#layout.signingKeyInBlock);
  }
}

/** Writes the Destination's own bytes (they are its encoding). */
export function writeDestination(w: Writer, d: Destination): void {
  w.bytes(d.bytes);
}

export const writeRouterIdentity: (w: Writer, d: KeysAndCert) => void = writeDestination;

/** A Destination from exactly these bytes (no trailing bytes allowed). */
export function destinationFromBytes(bytes: Uint8Array): Destination {
  return decode(readDestination, bytes);
}

/** The Destination's hash: SHA-256 of its bytes (its identity in the network database). */
export function destinationHash(d: KeysAndCert): Uint8Array {
  return sha256(d.bytes);
}

/**
 * Whether two Destinations have the same 256-byte public-key field: what Java routers require of a
 * subsession's Destination and its primary's (I2CP-wire §4.1).
 */
export function samePublicKeyField(a: KeysAndCert, b: KeysAndCert): boolean {
  return bytesEqual(a.bytes.subarray(0, PUBLIC_KEY_FIELD), b.bytes.subarray(0, PUBLIC_KEY_FIELD));
}

export interface CreateDestinationOptions {
  readonly publicKey: PublicKey;
  readonly signingPublicKey: SigningPublicKey;
  /** Bytes between the two keys; default: a random 32-byte block repeated (proposal 161, compresses well). */
  readonly padding?: Uint8Array;
  /** Default: NULL for ElGamal + DSA_SHA1, a KEY certificate otherwise. Key excess data is always filled in. */
  readonly certificate?: Certificate;
}

/** Builds a KeysAndCert (Destination or RouterIdentity) and its bytes. */
export function createDestination(options: CreateDestinationOptions): Destination {
  const { publicKey, signingPublicKey } = options;
  const enc = encTypeInfo(publicKey.encType);
  const sig = sigTypeInfo(signingPublicKey.sigType);
  if (enc === undefined) throw new EncodeError(`unknown encryption type ${publicKey.encType}`);
  if (sig === undefined) throw new EncodeError(`unknown signature type ${signingPublicKey.sigType}`);
  const l = layoutOf(enc.publicKeyLength, sig.publicKeyLength);
  if (publicKey.bytes.length !== l.publicKeyLength) {
    throw new EncodeError(`PublicKey of type ${enc.name} must be ${l.publicKeyLength} bytes, got ${publicKey.bytes.length}`);
  }
  if (signingPublicKey.bytes.length !== l.signingKeyLength) {
    throw new EncodeError(`SigningPublicKey of type ${sig.name} must be ${l.signingKeyLength} bytes, got ${signingPublicKey.bytes.length}`);
  }
  const paddingLength = BLOCK - l.publicKeyInBlock - l.signingKeyInBlock;
  const padding = options.padding ?? repeatedRandomBlock(paddingLength);
  if (padding.length !== paddingLength) throw new EncodeError(`padding must be ${paddingLength} bytes, got ${padding.length}`);
  const w = new Writer(HEADER + 4 + l.excessSig + l.excessCrypto);
  w.bytes(publicKey.bytes.subarray(0, l.publicKeyInBlock))
    .bytes(padding)
    .bytes(signingPublicKey.bytes.subarray(0, l.signingKeyInBlock));
  writeCertificateFor(w, options.certificate, signingPublicKey, publicKey);
  return destinationFromBytes(w.finish());
}

function writeCertificateFor(w: Writer, given: Certificate | undefined, spk: SigningPublicKey, pk: PublicKey): void {
  const legacy = spk.sigType === 0 && pk.encType === 0;
  const type = given?.type ?? (legacy ? CertificateType.NULL : CertificateType.KEY);
  if (type !== CertificateType.KEY) {
    if (!legacy) throw new EncodeError(`a type ${type} certificate implies ElGamal and DSA_SHA1 keys; use a KEY certificate`);
    const c = given ?? NULL_CERTIFICATE;
    try {
      checkCertificate(c, 0);
    } catch (e) {
      throw new EncodeError(e instanceof Error ? e.message : String(e), { cause: e });
    }
    w.u8(c.type).u16(c.payload.length).bytes(c.payload);
    return;
  }
  if (given !== undefined && (certificateSigType(given) !== spk.sigType || certificateEncType(given) !== pk.encType)) {
    throw new EncodeError(
      `KEY certificate names types ${certificateSigType(given)}/${certificateEncType(given)}, keys are ${spk.sigType}/${pk.encType}`,
    );
  }
  const excessSig = spk.bytes.subarray(SIGNING_KEY_FIELD);
  const excessCrypto = pk.bytes.subarray(PUBLIC_KEY_FIELD);
  w.u8(CertificateType.KEY)
    .u16(4 + excessSig.length + excessCrypto.length)
    .u16(spk.sigType)
    .u16(pk.encType)
    .bytes(excessSig)
    .bytes(excessCrypto);
}

function repeatedRandomBlock(n: number): Uint8Array {
  const block = randomBytes(32);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 32) out.set(block.subarray(0, Math.min(32, n - i)), i);
  return out;
}
