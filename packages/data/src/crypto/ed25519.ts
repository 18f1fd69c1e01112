import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { concatBytes } from '../bytes.js';
import { I2cpError } from '../errors.js';
import { KeyObjectCache } from './key-cache.js';

// Ed25519 (RFC 8032) with I2P's layout: the private key is the 32-byte seed, the public key the
// 32-byte encoded point, the signature R‖S, all little-endian exactly as the RFC writes them.
// Fixed DER prefixes turn the raw bytes into PKCS#8/SPKI for node:crypto.

const PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20);
const SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);

export const ED25519_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

const privateKeys = new KeyObjectCache(64);
const publicKeys = new KeyObjectCache(256);

function privateKeyObject(seed: Uint8Array): KeyObject {
  if (seed.length !== ED25519_KEY_LENGTH) throw new I2cpError('BAD_KEY', 'Ed25519 private key must be 32 bytes');
  return privateKeys.get(seed, () =>
    createPrivateKey({ key: Buffer.from(concatBytes([PKCS8_PREFIX, seed])), format: 'der', type: 'pkcs8' }),
  );
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const spki = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(spki.length - ED25519_KEY_LENGTH));
}

function rawPrivateKey(key: KeyObject): Uint8Array {
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  return new Uint8Array(pkcs8.subarray(pkcs8.length - ED25519_KEY_LENGTH));
}

export function ed25519GenerateKeys(): { publicKey: Uint8Array; privateKey: Uint8Array } {
  const pair = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(pair.publicKey), privateKey: rawPrivateKey(pair.privateKey) };
}

export function ed25519PublicKeyFor(seed: Uint8Array): Uint8Array {
  return rawPublicKey(createPublicKey(privateKeyObject(seed)));
}

export function ed25519Sign(seed: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, data, privateKeyObject(seed)));
}

export function ed25519Verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_KEY_LENGTH || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  try {
    const key = publicKeys.get(publicKey, () =>
      createPublicKey({ key: Buffer.from(concatBytes([SPKI_PREFIX, publicKey])), format: 'der', type: 'spki' }),
    );
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
