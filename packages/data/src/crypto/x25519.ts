import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { concatBytes } from '../bytes.js';
import { I2cpError } from '../errors.js';

// X25519 (RFC 7748) with raw 32-byte little-endian keys; fixed DER prefixes wrap them for node:crypto.

const PKCS8_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20);
const SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00);
export const X25519_KEY_LENGTH = 32;

function checkLength(key: Uint8Array, what: string): void {
  if (key.length !== X25519_KEY_LENGTH) throw new I2cpError('BAD_KEY', `X25519 ${what} key must be 32 bytes`);
}

function privateKeyObject(privateKey: Uint8Array): KeyObject {
  checkLength(privateKey, 'private');
  return createPrivateKey({ key: Buffer.from(concatBytes([PKCS8_PREFIX, privateKey])), format: 'der', type: 'pkcs8' });
}

function rawTail(der: Buffer): Uint8Array {
  return new Uint8Array(der.subarray(der.length - X25519_KEY_LENGTH));
}

export function x25519GenerateKeys(): { publicKey: Uint8Array; privateKey: Uint8Array } {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: rawTail(pair.publicKey.export({ format: 'der', type: 'spki' })),
    privateKey: rawTail(pair.privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

export function x25519PublicKeyBytesFor(privateKey: Uint8Array): Uint8Array {
  return rawTail(createPublicKey(privateKeyObject(privateKey)).export({ format: 'der', type: 'spki' }));
}

/** The shared secret; BAD_KEY if the peer's key is a low-order point (the result would be all zeros). */
export function x25519(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  checkLength(publicKey, 'public');
  const priv = privateKeyObject(privateKey);
  try {
    const pub = createPublicKey({ key: Buffer.from(concatBytes([SPKI_PREFIX, publicKey])), format: 'der', type: 'spki' });
    return new Uint8Array(diffieHellman({ privateKey: priv, publicKey: pub }));
  } catch (e) {
    throw new I2cpError('BAD_KEY', 'X25519 agreement failed (low-order public key?)', { cause: e });
  }
}
