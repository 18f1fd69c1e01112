import { I2cpError } from '../errors.js';
import { SigType, sigTypeInfo, type Signature, type SigningPrivateKey, type SigningPublicKey } from '../key-types.js';
import { dsaGenerateKeys, dsaPublicKeyFor, dsaSign, dsaVerify } from './dsa.js';
import { ecdsaGenerateKeys, ecdsaPublicKeyFor, ecdsaSign, ecdsaVerify, P256, P384, P521, type EcdsaCurve } from './ecdsa.js';
import { ed25519GenerateKeys, ed25519PublicKeyFor, ed25519Sign, ed25519Verify } from './ed25519.js';

// One table says what each signature type can do here; everything else is UNSUPPORTED_TYPE.
interface Signer {
  generate(): { publicKey: Uint8Array; privateKey: Uint8Array };
  publicKeyFor(privateKey: Uint8Array): Uint8Array;
  sign(privateKey: Uint8Array, data: Uint8Array): Uint8Array;
}
interface SigAlgorithm {
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean;
  /** Absent when this package can verify the type but not create keys or signatures. */
  readonly signer?: Signer;
}

const ecdsa = (curve: EcdsaCurve): SigAlgorithm => ({
  verify: (k, d, s) => ecdsaVerify(curve, k, d, s),
  signer: {
    generate: () => ecdsaGenerateKeys(curve),
    publicKeyFor: (k) => ecdsaPublicKeyFor(curve, k),
    sign: (k, d) => ecdsaSign(curve, k, d),
  },
});

const algorithms = new Map<number, SigAlgorithm>([
  [SigType.DSA_SHA1, { verify: dsaVerify, signer: { generate: dsaGenerateKeys, publicKeyFor: dsaPublicKeyFor, sign: dsaSign } }],
  [SigType.ECDSA_SHA256_P256, ecdsa(P256)],
  [SigType.ECDSA_SHA384_P384, ecdsa(P384)],
  [SigType.ECDSA_SHA512_P521, ecdsa(P521)],
  [
    SigType.EdDSA_SHA512_Ed25519,
    { verify: ed25519Verify, signer: { generate: ed25519GenerateKeys, publicKeyFor: ed25519PublicKeyFor, sign: ed25519Sign } },
  ],
  // RedDSA signatures verify exactly like Ed25519 ones; its signing (random nonce, scalar private keys) is not done here.
  [SigType.RedDSA_SHA512_Ed25519, { verify: ed25519Verify }],
]);

function unsupported(sigType: number, what: string): I2cpError {
  const name = sigTypeInfo(sigType)?.name ?? 'unknown';
  return new I2cpError('UNSUPPORTED_TYPE', `signature type ${sigType} (${name}): ${what} is not supported by @i2cp/data`);
}

function algorithm(sigType: number, what: string): SigAlgorithm {
  const a = algorithms.get(sigType);
  if (a === undefined) throw unsupported(sigType, what);
  return a;
}

function signer(sigType: number, what: string): Signer {
  const s = algorithm(sigType, what).signer;
  if (s === undefined) throw unsupported(sigType, what);
  return s;
}

/** Whether this package can verify (and, with `sign`, create) signatures of a type. */
export function isSigTypeSupported(sigType: number, use: 'verify' | 'sign' = 'sign'): boolean {
  const a = algorithms.get(sigType);
  return a !== undefined && (use === 'verify' || a.signer !== undefined);
}

export function generateSigningKeys(sigType: number): { publicKey: SigningPublicKey; privateKey: SigningPrivateKey } {
  const keys = signer(sigType, 'key generation').generate();
  return { publicKey: { sigType, bytes: keys.publicKey }, privateKey: { sigType, bytes: keys.privateKey } };
}

export function signingPublicKeyFor(privateKey: SigningPrivateKey): SigningPublicKey {
  const { sigType } = privateKey;
  return { sigType, bytes: signer(sigType, 'deriving the public key').publicKeyFor(privateKey.bytes) };
}

export function sign(privateKey: SigningPrivateKey, data: Uint8Array): Signature {
  const { sigType } = privateKey;
  return { sigType, bytes: signer(sigType, 'signing').sign(privateKey.bytes, data) };
}

/**
 * True only for a valid signature by this key over `data`. A signature of another type, a key or
 * signature of the wrong size, or a key that is not a valid point/group element all give false.
 */
export function verify(publicKey: SigningPublicKey, data: Uint8Array, signature: Signature): boolean {
  const a = algorithm(publicKey.sigType, 'verification');
  if (signature.sigType !== publicKey.sigType) return false;
  return a.verify(publicKey.bytes, data, signature.bytes);
}
