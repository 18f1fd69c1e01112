/**
 * Signature and encryption type codes with the sizes of their keys and signatures
 * (common structures, "Key Certificates"). Parsing needs only the sizes; whether this
 * package can sign, verify, encrypt or decrypt with a type is `supported`.
 */

export const SigType = {
  DSA_SHA1: 0,
  ECDSA_SHA256_P256: 1,
  ECDSA_SHA384_P384: 2,
  ECDSA_SHA512_P521: 3,
  RSA_SHA256_2048: 4,
  RSA_SHA384_3072: 5,
  RSA_SHA512_4096: 6,
  EdDSA_SHA512_Ed25519: 7,
  EdDSA_SHA512_Ed25519ph: 8,
  RedDSA_SHA512_Ed25519: 11,
} as const;
export type SigType = (typeof SigType)[keyof typeof SigType];

export interface SigTypeInfo {
  readonly code: number;
  readonly name: string;
  readonly publicKeyLength: number;
  readonly privateKeyLength: number;
  readonly signatureLength: number;
}

const sigTypes: readonly SigTypeInfo[] = [
  { code: 0, name: 'DSA_SHA1', publicKeyLength: 128, privateKeyLength: 20, signatureLength: 40 },
  { code: 1, name: 'ECDSA_SHA256_P256', publicKeyLength: 64, privateKeyLength: 32, signatureLength: 64 },
  { code: 2, name: 'ECDSA_SHA384_P384', publicKeyLength: 96, privateKeyLength: 48, signatureLength: 96 },
  { code: 3, name: 'ECDSA_SHA512_P521', publicKeyLength: 132, privateKeyLength: 66, signatureLength: 132 },
  { code: 4, name: 'RSA_SHA256_2048', publicKeyLength: 256, privateKeyLength: 512, signatureLength: 256 },
  { code: 5, name: 'RSA_SHA384_3072', publicKeyLength: 384, privateKeyLength: 768, signatureLength: 384 },
  { code: 6, name: 'RSA_SHA512_4096', publicKeyLength: 512, privateKeyLength: 1024, signatureLength: 512 },
  { code: 7, name: 'EdDSA_SHA512_Ed25519', publicKeyLength: 32, privateKeyLength: 32, signatureLength: 64 },
  { code: 8, name: 'EdDSA_SHA512_Ed25519ph', publicKeyLength: 32, privateKeyLength: 32, signatureLength: 64 },
  { code: 9, name: 'GOSTR3410_GOSTR3411_256_CRYPTO_PRO_A', publicKeyLength: 64, privateKeyLength: 32, signatureLength: 64 },
  { code: 10, name: 'GOSTR3410_GOSTR3411_512_TC26_A', publicKeyLength: 128, privateKeyLength: 64, signatureLength: 128 },
  { code: 11, name: 'RedDSA_SHA512_Ed25519', publicKeyLength: 32, privateKeyLength: 32, signatureLength: 64 },
];
const sigTypeByCode = new Map(sigTypes.map((t) => [t.code, t]));

/** Sizes for a signature type, or undefined if the code is unknown (its sizes cannot be known). */
export function sigTypeInfo(code: number): SigTypeInfo | undefined {
  return sigTypeByCode.get(code);
}

export const EncType = {
  ElGamal: 0,
  EC_P256: 1,
  EC_P384: 2,
  EC_P521: 3,
  X25519: 4,
  MLKEM512_X25519: 5,
  MLKEM768_X25519: 6,
  MLKEM1024_X25519: 7,
} as const;
export type EncType = (typeof EncType)[keyof typeof EncType];

export interface EncTypeInfo {
  readonly code: number;
  readonly name: string;
  readonly publicKeyLength: number;
  readonly privateKeyLength: number;
}

const encTypes: readonly EncTypeInfo[] = [
  { code: 0, name: 'ElGamal', publicKeyLength: 256, privateKeyLength: 256 },
  { code: 1, name: 'EC_P256', publicKeyLength: 64, privateKeyLength: 32 },
  { code: 2, name: 'EC_P384', publicKeyLength: 96, privateKeyLength: 48 },
  { code: 3, name: 'EC_P521', publicKeyLength: 132, privateKeyLength: 66 },
  { code: 4, name: 'X25519', publicKeyLength: 32, privateKeyLength: 32 },
  { code: 5, name: 'MLKEM512_X25519', publicKeyLength: 32, privateKeyLength: 32 },
  { code: 6, name: 'MLKEM768_X25519', publicKeyLength: 32, privateKeyLength: 32 },
  { code: 7, name: 'MLKEM1024_X25519', publicKeyLength: 32, privateKeyLength: 32 },
];
const encTypeByCode = new Map(encTypes.map((t) => [t.code, t]));

export function encTypeInfo(code: number): EncTypeInfo | undefined {
  return encTypeByCode.get(code);
}

/** Key material tagged with its type, so sizes and algorithms never have to be guessed. */
export interface PublicKey {
  readonly encType: number;
  readonly bytes: Uint8Array;
}
export interface PrivateKey {
  readonly encType: number;
  readonly bytes: Uint8Array;
}
export interface SigningPublicKey {
  readonly sigType: number;
  readonly bytes: Uint8Array;
}
export interface SigningPrivateKey {
  readonly sigType: number;
  readonly bytes: Uint8Array;
}
export interface Signature {
  readonly sigType: number;
  readonly bytes: Uint8Array;
}
