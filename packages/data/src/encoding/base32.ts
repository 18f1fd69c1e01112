import { DecodeError } from '../errors.js';

// RFC 4648 base32, written lowercase without '=' padding as I2P does for .b32.i2p names.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUES[ALPHABET.charCodeAt(i)] = i;
  VALUES[ALPHABET.toUpperCase().charCodeAt(i)] = i;
}

export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31]!;
    }
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31]!;
  return out;
}

function invalid(why: string, at: number): DecodeError {
  return new DecodeError('DECODE_INVALID', `invalid base32: ${why}`, at);
}

/**
 * Decodes unpadded base32 in either case. DECODE_INVALID for any other character ('=' too),
 * a length no byte string encodes to, or nonzero unused bits in the last character.
 */
export function fromBase32(s: string): Uint8Array {
  const tail = (s.length * 5) % 8;
  // Lengths ≡ 1, 3 or 6 (mod 8) leave 5 or more spare bits: no encoder produces them.
  if (tail >= 5) throw invalid(`length ${s.length} is not a valid unpadded length`, s.length);
  const out = new Uint8Array(Math.floor((s.length * 5) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUES[c]! : -1;
    if (v < 0) throw invalid(`unexpected character ${JSON.stringify(s[i])}`, i);
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw invalid('nonzero bits after the last byte', s.length - 1);
  return out;
}
