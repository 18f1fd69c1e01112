import { createECDH, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { concatBytes } from '../bytes.js';
import { I2cpError } from '../errors.js';
import { KeyObjectCache } from './key-cache.js';

// ECDSA over the NIST curves with I2P's layout: public key X‖Y and signature r‖s, each half
// left-padded to the curve's field size; the private key is the scalar, same size.

export interface EcdsaCurve {
  readonly jwkCurve: 'P-256' | 'P-384' | 'P-521';
  readonly opensslCurve: 'prime256v1' | 'secp384r1' | 'secp521r1';
  readonly hash: 'sha256' | 'sha384' | 'sha512';
  readonly fieldLength: number;
}

export const P256: EcdsaCurve = { jwkCurve: 'P-256', opensslCurve: 'prime256v1', hash: 'sha256', fieldLength: 32 };
export const P384: EcdsaCurve = { jwkCurve: 'P-384', opensslCurve: 'secp384r1', hash: 'sha384', fieldLength: 48 };
export const P521: EcdsaCurve = { jwkCurve: 'P-521', opensslCurve: 'secp521r1', hash: 'sha512', fieldLength: 66 };

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const unb64url = (s: string | undefined, length: number): Uint8Array => {
  const raw = Buffer.from(s ?? '', 'base64url');
  const out = new Uint8Array(length);
  out.set(raw.subarray(Math.max(0, raw.length - length)), Math.max(0, length - raw.length));
  return out;
};

function publicJwk(curve: EcdsaCurve, publicKey: Uint8Array): { kty: 'EC'; crv: string; x: string; y: string } {
  const n = curve.fieldLength;
  return { kty: 'EC', crv: curve.jwkCurve, x: b64url(publicKey.subarray(0, n)), y: b64url(publicKey.subarray(n, 2 * n)) };
}

export function ecdsaGenerateKeys(curve: EcdsaCurve): { publicKey: Uint8Array; privateKey: Uint8Array } {
  const pair = generateKeyPairSync('ec', { namedCurve: curve.jwkCurve });
  const jwk = pair.privateKey.export({ format: 'jwk' });
  const n = curve.fieldLength;
  return {
    publicKey: concatBytes([unb64url(jwk.x, n), unb64url(jwk.y, n)]),
    privateKey: unb64url(jwk.d, n),
  };
}

export function ecdsaPublicKeyFor(curve: EcdsaCurve, privateKey: Uint8Array): Uint8Array {
  if (privateKey.length !== curve.fieldLength) {
    throw new I2cpError('BAD_KEY', `${curve.jwkCurve} private key must be ${curve.fieldLength} bytes`);
  }
  try {
    const ecdh = createECDH(curve.opensslCurve);
    ecdh.setPrivateKey(privateKey);
    // Uncompressed point: 0x04 ‖ X ‖ Y.
    return new Uint8Array(ecdh.getPublicKey().subarray(1));
  } catch (e) {
    throw new I2cpError('BAD_KEY', `invalid ${curve.jwkCurve} private key`, { cause: e });
  }
}

// The private key's length names its curve, so one cache serves all three.
const privateKeys = new KeyObjectCache(64);
const publicKeys = new KeyObjectCache(256);

function privateKeyObject(curve: EcdsaCurve, privateKey: Uint8Array): KeyObject {
  return privateKeys.get(privateKey, () => {
    const publicKey = ecdsaPublicKeyFor(curve, privateKey);
    return createPrivateKey({ key: { ...publicJwk(curve, publicKey), d: b64url(privateKey) }, format: 'jwk' });
  });
}

export function ecdsaSign(curve: EcdsaCurve, privateKey: Uint8Array, data: Uint8Array): Uint8Array {
  const key = privateKeyObject(curve, privateKey);
  return new Uint8Array(sign(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }));
}

export function ecdsaVerify(curve: EcdsaCurve, publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const n = curve.fieldLength;
  if (publicKey.length !== 2 * n || signature.length !== 2 * n) return false;
  try {
    const key = publicKeys.get(publicKey, () => createPublicKey({ key: publicJwk(curve, publicKey), format: 'jwk' }));
    return verify(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
