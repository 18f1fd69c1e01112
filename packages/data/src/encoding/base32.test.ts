import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes.js';
import { isI2cpError } from '../errors.js';
import { fromBase32, toBase32 } from './base32.js';

// RFC 4648 §10 base32 vectors, lowercased and without '=' padding.
const RFC4648: [string, string][] = [
  ['', ''],
  ['f', 'my'],
  ['fo', 'mzxq'],
  ['foo', 'mzxw6'],
  ['foob', 'mzxw6yq'],
  ['fooba', 'mzxw6ytb'],
  ['foobar', 'mzxw6ytboi'],
];

describe('base32', () => {
  it.each(RFC4648)('RFC 4648 %j -> %j', (text, encoded) => {
    expect(toBase32(utf8Encode(text))).toBe(encoded);
    expect(fromBase32(encoded)).toEqual(utf8Encode(text));
    expect(fromBase32(encoded.toUpperCase())).toEqual(utf8Encode(text));
  });

  test.prop([fc.uint8Array({ maxLength: 100 })])('round-trips; output is lowercase RFC 4648 without padding', (bytes) => {
    const s = toBase32(bytes);
    expect(s).toMatch(/^[a-z2-7]*$/);
    expect(s).toHaveLength(Math.ceil((bytes.length * 8) / 5));
    expect(fromBase32(s)).toEqual(bytes);
  });

  it.each([
    ['m', 'impossible length'],
    ['mzx', 'impossible length'],
    ['mzxw6y', 'impossible length'],
    ['my======', 'padding'],
    ['mz', 'nonzero spare bits'],
    ['m1', "'1' is not base32"],
    ['m8', "'8' is not base32"],
    ['mé', 'non-ASCII'],
  ])('rejects %j (%s) with DECODE_INVALID', (s) => {
    try {
      fromBase32(s);
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('DECODE_INVALID');
    }
  });
});
