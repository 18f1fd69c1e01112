import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes.js';
import { isI2cpError } from '../errors.js';
import { fromBase64, toBase64 } from './base64.js';

// RFC 4648 §10 test vectors (these use no '+' or '/', so they read the same in I2P's alphabet).
const RFC4648: [string, string][] = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

const nodeI2pBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64').replace(/\+/g, '-').replace(/\//g, '~');

describe('I2P base64', () => {
  it.each(RFC4648)('RFC 4648 %j -> %j', (text, encoded) => {
    expect(toBase64(utf8Encode(text))).toBe(encoded);
    expect(fromBase64(encoded)).toEqual(utf8Encode(text));
  });

  it("uses '-' and '~' for values 62 and 63", () => {
    expect(toBase64(Uint8Array.of(0xfb, 0xff))).toBe('-~8=');
    expect(fromBase64('-~8=')).toEqual(Uint8Array.of(0xfb, 0xff));
  });

  test.prop([fc.uint8Array({ maxLength: 600 })])('agrees with RFC 4648 base64 after swapping the two characters, and round-trips', (bytes) => {
    const s = toBase64(bytes);
    expect(s).toBe(nodeI2pBase64(bytes));
    expect(fromBase64(s)).toEqual(bytes);
  });

  it.each([
    ['Zg=', 'length'],
    ['Zm9v+A==', "standard '+'"],
    ['Zm9v/A==', "standard '/'"],
    ['Zm 9', 'space'],
    ['Z===', 'three pads'],
    ['Zg=a', 'pad inside'],
    ['=Zga', 'pad first'],
    ['Zh==', 'nonzero spare bits'],
    ['Zm9=', 'nonzero spare bits with one pad'],
    ['Zm9vé===', 'non-ASCII'],
  ])('rejects %j (%s) with DECODE_INVALID', (s) => {
    try {
      fromBase64(s);
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('DECODE_INVALID');
    }
  });

  test.prop([fc.string({ maxLength: 40 })])('any string decodes or throws DECODE_INVALID', (s) => {
    try {
      expect(toBase64(fromBase64(s))).toBe(s);
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('DECODE_INVALID');
    }
  });
});
