import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';
import { I2cpError } from '../errors.js';

// AES-256-CBC without padding: I2P structures pad themselves to 16 bytes.

function check(key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  if (key.length !== 32) throw new I2cpError('BAD_KEY', 'AES-256 key must be 32 bytes');
  if (iv.length !== 16) throw new I2cpError('BAD_ARGUMENT', 'AES IV must be 16 bytes');
  if (data.length % 16 !== 0) throw new I2cpError('BAD_ARGUMENT', `AES-CBC data must be a multiple of 16 bytes, got ${data.length}`);
}

function run(cipher: Cipher | Decipher, data: Uint8Array): Uint8Array {
  cipher.setAutoPadding(false);
  const head = cipher.update(data);
  const tail = cipher.final();
  if (tail.length === 0) return new Uint8Array(head);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

export function aes256CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  check(key, iv, data);
  return run(createCipheriv('aes-256-cbc', key, iv), data);
}

export function aes256CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  check(key, iv, data);
  return run(createDecipheriv('aes-256-cbc', key, iv), data);
}
