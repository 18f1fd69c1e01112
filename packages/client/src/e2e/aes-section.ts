import { aes256CbcDecrypt, aes256CbcEncrypt, bytesEqual, I2cpError, randomBytes, sha256 } from '@i2cp/data';
import { AES_BLOCK, HASH_LENGTH, SESSION_KEY_LENGTH, SESSION_TAG_LENGTH } from './constants.js';

/**
 * The AES-encrypted part of a message (datastructures §6):
 * tag count (2) ‖ tags (32 each) ‖ body size (4) ‖ SHA-256(body) ‖ flag (1) [‖ new SessionKey] ‖ body ‖ random padding to 16.
 */
export interface AesSection {
  readonly tags: readonly Uint8Array[];
  readonly newKey: Uint8Array | undefined;
  readonly body: Uint8Array;
}

const FIXED = 2 + 4 + HASH_LENGTH + 1;

export function decryptFailed(why: string): I2cpError {
  return new I2cpError('DECRYPT_FAILED', `end-to-end decryption failed: ${why}`);
}

/** `prefix` (scenario 2: SHA-256 of the SessionKey) goes before the section, inside the encryption. */
export function encryptSection(key: Uint8Array, iv: Uint8Array, section: AesSection, prefix?: Uint8Array): Uint8Array {
  const { tags, newKey, body } = section;
  if (tags.length > 0xffff) throw new I2cpError('BAD_ARGUMENT', 'at most 65535 session tags fit in one message');
  const start = prefix?.length ?? 0;
  const used = start + FIXED + tags.length * SESSION_TAG_LENGTH + (newKey === undefined ? 0 : SESSION_KEY_LENGTH) + body.length;
  const total = Math.ceil(used / AES_BLOCK) * AES_BLOCK;
  const plain = new Uint8Array(total);
  const view = new DataView(plain.buffer);
  if (prefix !== undefined) plain.set(prefix);
  let o = start;
  view.setUint16(o, tags.length);
  o += 2;
  for (const t of tags) {
    plain.set(t, o);
    o += SESSION_TAG_LENGTH;
  }
  view.setUint32(o, body.length);
  o += 4;
  plain.set(sha256(body), o);
  o += HASH_LENGTH;
  plain[o++] = newKey === undefined ? 0 : 1;
  if (newKey !== undefined) {
    plain.set(newKey, o);
    o += SESSION_KEY_LENGTH;
  }
  plain.set(body, o);
  plain.set(randomBytes(total - used), used);
  return aes256CbcEncrypt(key, iv, plain);
}

/** Decrypts `data` (a multiple of 16 bytes); DECRYPT_FAILED if it is malformed or the body hash is wrong. */
export function decryptSection(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length % AES_BLOCK !== 0) throw decryptFailed(`AES data of ${data.length} bytes is not whole blocks`);
  return aes256CbcDecrypt(key, iv, data);
}

export function parseSection(plain: Uint8Array): AesSection {
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  if (plain.length < FIXED) throw decryptFailed('section too short');
  const count = view.getUint16(0);
  let o = 2;
  if (plain.length < FIXED + count * SESSION_TAG_LENGTH) throw decryptFailed(`${count} session tags do not fit`);
  const tags: Uint8Array[] = [];
  for (let i = 0; i < count; i++, o += SESSION_TAG_LENGTH) tags.push(plain.slice(o, o + SESSION_TAG_LENGTH));
  const size = view.getUint32(o);
  o += 4;
  const hash = plain.subarray(o, o + HASH_LENGTH);
  o += HASH_LENGTH;
  const flag = plain[o++]!;
  if (flag > 1) throw decryptFailed(`new-key flag is ${flag}`);
  let newKey: Uint8Array | undefined;
  if (flag === 1) {
    if (o + SESSION_KEY_LENGTH > plain.length) throw decryptFailed('new session key does not fit');
    newKey = plain.slice(o, o + SESSION_KEY_LENGTH);
    o += SESSION_KEY_LENGTH;
  }
  if (size > plain.length - o) throw decryptFailed(`body of ${size} bytes does not fit`);
  const body = plain.slice(o, o + size);
  if (!bytesEqual(sha256(body), hash)) throw decryptFailed('body hash mismatch');
  return { tags, newKey, body };
}
