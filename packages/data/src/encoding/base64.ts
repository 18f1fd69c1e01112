import { DecodeError } from '../errors.js';

// I2P's base64: RFC 4648 with '-' and '~' in place of '+' and '/' (safe in URLs and file
// names), '=' padding kept. Decoding is strict: one spelling per byte string.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (left === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}

function invalid(why: string, at: number): DecodeError {
  return new DecodeError('DECODE_INVALID', `invalid I2P base64: ${why}`, at);
}

/**
 * Decodes I2P base64. DECODE_INVALID (offset = character index) for a length that is not a
 * multiple of 4, a character outside the alphabet, misplaced '=', or nonzero unused bits.
 */
export function fromBase64(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw invalid(`length ${s.length} is not a multiple of 4`, s.length);
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const chars = s.length - pad;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < chars; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) throw invalid(`unexpected character ${JSON.stringify(s[i])}`, i);
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw invalid('nonzero bits after the last byte', chars - 1);
  return out;
}
