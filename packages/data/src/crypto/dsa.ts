import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { I2cpError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt, modPow, randomBelow } from './bigint.js';
import { DSA_G, DSA_P, DSA_Q } from './constants.js';
import { derBitString, derInteger, derOctetString, derOid, derSequence } from './der.js';
import { randomBytes } from './hash.js';
import { KeyObjectCache } from './key-cache.js';

// DSA-SHA1 over the fixed I2P group: private x is 20 bytes, public y 128 bytes, signature r‖s
// 40 bytes, all big-endian. OpenSSL signs and verifies; the keys travel to it as DER.

export const DSA_PRIVATE_KEY_LENGTH = 20;
export const DSA_PUBLIC_KEY_LENGTH = 128;
export const DSA_SIGNATURE_LENGTH = 40;

const dsaAlgorithm = derSequence(
  derOid('06072a8648ce380401'), // 1.2.840.10040.4.1 id-dsa
  derSequence(derInteger(DSA_P), derInteger(DSA_Q), derInteger(DSA_G)),
);

function privateExponent(privateKey: Uint8Array): bigint {
  const x = bytesToBigInt(privateKey);
  if (privateKey.length !== DSA_PRIVATE_KEY_LENGTH || x < 1n || x >= DSA_Q) {
    throw new I2cpError('BAD_KEY', 'DSA private key must be 20 bytes in [1, q-1]');
  }
  return x;
}

const privateKeys = new KeyObjectCache(64);
const publicKeys = new KeyObjectCache(256);

function privateKeyObject(privateKey: Uint8Array): KeyObject {
  return privateKeys.get(privateKey, () => {
    const der = derSequence(derInteger(0n), dsaAlgorithm, derOctetString(derInteger(privateExponent(privateKey))));
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  });
}

export function dsaGenerateKeys(): { publicKey: Uint8Array; privateKey: Uint8Array } {
  const x = randomBelow(DSA_Q, randomBytes);
  return {
    privateKey: bigIntToBytes(x, DSA_PRIVATE_KEY_LENGTH),
    publicKey: bigIntToBytes(modPow(DSA_G, x, DSA_P), DSA_PUBLIC_KEY_LENGTH),
  };
}

export function dsaPublicKeyFor(privateKey: Uint8Array): Uint8Array {
  return bigIntToBytes(modPow(DSA_G, privateExponent(privateKey), DSA_P), DSA_PUBLIC_KEY_LENGTH);
}

export function dsaSign(privateKey: Uint8Array, data: Uint8Array): Uint8Array {
  const key = privateKeyObject(privateKey);
  return new Uint8Array(sign('sha1', data, { key, dsaEncoding: 'ieee-p1363' }));
}

/** False for anything that is not a valid signature, including a public key outside the group. */
export function dsaVerify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== DSA_PUBLIC_KEY_LENGTH || signature.length !== DSA_SIGNATURE_LENGTH) return false;
  const y = bytesToBigInt(publicKey);
  if (y <= 1n || y >= DSA_P) return false;
  try {
    const key = publicKeys.get(publicKey, () => {
      const der = derSequence(dsaAlgorithm, derBitString(derInteger(y)));
      return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
    });
    return verify('sha1', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
