import { deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bytesEqual, fromHex, isI2cpError, randomBytes, toHex, utf8Encode } from '@i2cp/data';
import { decodePayload, encodePayload } from './gzip-payload.js';
import { MAX_UNCOMPRESSED_PAYLOAD, Protocol } from './protocol.js';
import { expectCode } from './expect-code.test-support.js';

// Derived example of protocol/I2CP-wire.md §5, computed by hand from the spec layout
// (Java-style single stored block): payload "hi", protocol 17, ports 1234 -> 5678.
const GOLDEN = fromHex(
  [
    '1f8b08', // magic, CM = deflate
    '00', // FLG
    '04d2', // MTIME[0..1] = fromPort 1234
    '162e', // MTIME[2..3] = toPort 5678
    '02', // XFL
    '11', // OS = protocol 17
    '01', // stored block, final
    '0200', // LEN = 2
    'fdff', // NLEN
    '6869', // "hi"
    'ac2a93d8', // CRC32("hi") LE
    '02000000', // ISIZE LE
  ].join(''),
);
const HI = { data: utf8Encode('hi'), protocol: 17, fromPort: 1234, toPort: 5678 };

/** A valid member around an arbitrary deflate body, for decoder edge cases. */
function member(body: Uint8Array, crc: number, size: number): Uint8Array {
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 2, 0]);
  out.set(body, 10);
  const view = new DataView(out.buffer);
  view.setUint32(10 + body.length, crc, true);
  view.setUint32(14 + body.length, size, true);
  return out;
}

describe('golden vector (I2CP-wire §5)', () => {
  it('encodes byte for byte, with or without compression (2 bytes are never deflated)', () => {
    expect(toHex(encodePayload({ ...HI, compress: false }))).toBe(toHex(GOLDEN));
    expect(toHex(encodePayload(HI))).toBe(toHex(GOLDEN));
  });

  it('encodes data given as a view into a larger buffer', () => {
    const backing = utf8Encode('xxhixx');
    expect(toHex(encodePayload({ ...HI, data: backing.subarray(2, 4) }))).toBe(toHex(GOLDEN));
  });

  it('decodes to the same values, the data as a view of the input', () => {
    const decoded = decodePayload(GOLDEN);
    expect(decoded).toEqual(HI);
    expect(decoded.data.buffer).toBe(GOLDEN.buffer);
  });

  it('is accepted by stock gunzip', () => {
    expect(new Uint8Array(gunzipSync(GOLDEN))).toEqual(HI.data);
  });
});

describe('encodePayload', () => {
  it('defaults to protocol 0 and ports 0', () => {
    const bytes = encodePayload({ data: utf8Encode('x') });
    expect(toHex(bytes.subarray(0, 10))).toBe('1f8b0800000000000200');
  });

  it('writes the empty payload as one empty stored block', () => {
    expect(toHex(encodePayload({ data: new Uint8Array(0) }))).toBe('1f8b08000000000002000100' + '00ffff' + '00000000' + '00000000');
  });

  it('keeps 66 bytes stored but deflates 67 compressible bytes', () => {
    expect(encodePayload({ data: new Uint8Array(66) })[10]).toBe(0x01);
    const bytes = encodePayload({ data: new Uint8Array(67) });
    expect(bytes[10]! & 0x06).not.toBe(0); // BTYPE fixed or dynamic Huffman
    expect(bytes.length).toBeLessThan(67);
  });

  it('stores incompressible data in one stored block, even at the size limit', () => {
    const data = randomBytes(MAX_UNCOMPRESSED_PAYLOAD);
    const bytes = encodePayload({ data });
    expect(bytes.length).toBe(data.length + 23);
    expect(toHex(bytes.subarray(10, 15))).toBe('01' + '00a0' + 'ff5f');
  });

  it('rejects data over 40960 bytes with PAYLOAD_TOO_LARGE', () => {
    expectCode(() => encodePayload({ data: new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1) }), 'PAYLOAD_TOO_LARGE');
    expect(() => encodePayload({ data: new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD) })).not.toThrow();
  });

  it.each([
    { protocol: 256 },
    { protocol: -1 },
    { protocol: 1.5 },
    { fromPort: 65536 },
    { toPort: -1 },
    { toPort: Number.NaN },
  ])('rejects %o with ENCODE_INVALID', (bad) => {
    expectCode(() => encodePayload({ data: new Uint8Array(1), ...bad }), 'ENCODE_INVALID');
  });
});

describe('decodePayload', () => {
  it('reads a member written by stock gzip once FLG is 0 (protocol and ports from the header)', () => {
    const data = utf8Encode('hello hello hello hello hello hello hello hello hello hello hello hello hello');
    const bytes = new Uint8Array(gzipSync(data));
    bytes.set([0x00, 0x12, 0x34, 0xab, 0xcd, 0x00, Protocol.Streaming], 3);
    expect(decodePayload(bytes)).toEqual({ data, protocol: 6, fromPort: 0x1234, toPort: 0xabcd });
  });

  it('accepts a stored body that is not a single block (zlib path)', () => {
    const data = utf8Encode('abcdef');
    // two stored blocks: "abc" (not final), "def" (final)
    const body = fromHex('000300fcff616263' + '010300fcff646566');
    const encoded = encodePayload({ data, compress: false });
    const crc = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength).getUint32(21, true);
    expect(decodePayload(member(body, crc, 6)).data).toEqual(data);
  });

  it('decodes exactly 40960 bytes but refuses a stored block of 40961 with PAYLOAD_TOO_LARGE', () => {
    expect(decodePayload(encodePayload({ data: new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD) })).data.length).toBe(MAX_UNCOMPRESSED_PAYLOAD);
    const n = MAX_UNCOMPRESSED_PAYLOAD + 1;
    const body = new Uint8Array(5 + n);
    body.set([0x01, n & 0xff, n >>> 8, ~n & 0xff, (~n >>> 8) & 0xff]);
    expectCode(() => decodePayload(member(body, 0, n)), 'PAYLOAD_TOO_LARGE');
  });

  it('stops inflating a gzip bomb at the limit with PAYLOAD_TOO_LARGE', () => {
    const bomb = deflateRawSync(new Uint8Array(10_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(65_536); // fits one I2CP frame
    expectCode(() => decodePayload(member(bomb, 0, 10_000_000)), 'PAYLOAD_TOO_LARGE');
    expectCode(() => decodePayload(member(deflateRawSync(new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1)), 0, 0)), 'PAYLOAD_TOO_LARGE');
  });

  it('rejects a wrong CRC32 or ISIZE, in the stored and the deflated form', () => {
    for (const compress of [false, true]) {
      const good = encodePayload({ data: new Uint8Array(100).fill(7), compress });
      const badCrc = good.slice();
      badCrc[good.length - 8]! ^= 1;
      expectCode(() => decodePayload(badCrc), 'DECODE_INVALID');
      const badSize = good.slice();
      badSize[good.length - 4]! ^= 1;
      expectCode(() => decodePayload(badSize), 'DECODE_INVALID');
    }
  });

  it('rejects bytes between the deflate data and the trailer', () => {
    const data = new Uint8Array(100).fill(7);
    const good = encodePayload({ data });
    const padded = new Uint8Array(good.length + 1);
    padded.set(good.subarray(0, good.length - 8));
    padded.set(good.subarray(good.length - 8), good.length - 7);
    expectCode(() => decodePayload(padded), 'DECODE_INVALID');
  });

  it('rejects a stored block whose NLEN does not match', () => {
    const bad = GOLDEN.slice();
    bad[13] = 0xfe;
    expectCode(() => decodePayload(bad), 'DECODE_INVALID');
  });

  it.each([
    [0, 0x1e, 'magic'],
    [1, 0x8c, 'magic'],
    [2, 0x07, 'method'],
    [3, 0x08, 'FNAME flag'],
    [3, 0x01, 'FTEXT flag'],
  ])('rejects byte %i = %i (%s)', (at, value) => {
    const bad = GOLDEN.slice();
    bad[at] = value;
    expectCode(() => decodePayload(bad), 'DECODE_INVALID');
  });

  it('ignores XFL, like stock gunzip', () => {
    const other = GOLDEN.slice();
    other[8] = 0x00;
    expect(decodePayload(other)).toEqual(HI);
  });

  it('throws DECODE_TRUNCATED or DECODE_INVALID for every strict prefix of a payload', () => {
    for (const compress of [false, true]) {
      const good = encodePayload({ data: utf8Encode('a fairly compressible text, a fairly compressible text, again and again'), compress });
      for (let n = 0; n < good.length; n++) {
        try {
          decodePayload(good.subarray(0, n));
          expect.fail(`prefix of ${n} bytes decoded`);
        } catch (e) {
          expect(['DECODE_TRUNCATED', 'DECODE_INVALID']).toContain((e as { code: string }).code);
        }
      }
      expectCode(() => decodePayload(good.subarray(0, 17)), 'DECODE_TRUNCATED');
    }
  });
});

/** Large data is generated from a seed: fast-check builds big arrays element by element, slowly. */
function xorshiftBytes(length: number, seed: number, alphabet: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) % alphabet;
  }
  return out;
}

const payloadArb = fc.record({
  data: fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc
      .tuple(fc.integer({ min: 0, max: MAX_UNCOMPRESSED_PAYLOAD }), fc.integer(), fc.constantFrom(3, 16, 256))
      .map(([length, seed, alphabet]) => xorshiftBytes(length, seed, alphabet)),
  ),
  protocol: fc.integer({ min: 0, max: 255 }),
  fromPort: fc.integer({ min: 0, max: 65535 }),
  toPort: fc.integer({ min: 0, max: 65535 }),
});

describe('properties', () => {
  test.prop([payloadArb, fc.boolean()], { numRuns: 150 })('decode(encode(x)) = x, and stock gunzip agrees', (p, compress) => {
    const bytes = encodePayload({ ...p, compress });
    // bytesEqual: vitest's deep equality walks 40 KiB arrays element by element, far too slowly
    const { data, ...rest } = decodePayload(bytes);
    expect(rest).toEqual({ protocol: p.protocol, fromPort: p.fromPort, toPort: p.toPort });
    expect(bytesEqual(data, p.data)).toBe(true);
    expect(bytesEqual(gunzipSync(bytes), p.data)).toBe(true);
    expect(bytes.length).toBeLessThanOrEqual(p.data.length + 23);
    expect(bytes[3]).toBe(0);
    expect(bytes[8]).toBe(2);
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 1000 })('random bytes decode or throw an I2cpError', (bytes) => {
    try {
      decodePayload(bytes);
    } catch (e) {
      expect(isI2cpError(e), String(e)).toBe(true);
    }
  });

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat()], { numRuns: 1000 })(
    'a valid header with a random body and trailer decodes or throws an I2cpError',
    (body, crc, size) => {
      try {
        decodePayload(member(body, crc, size));
      } catch (e) {
        expect(isI2cpError(e), String(e)).toBe(true);
      }
    },
  );

  test.prop([fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 255 })], { numRuns: 1000 })(
    'a payload with one byte changed decodes or throws an I2cpError',
    (body, at, value) => {
      const bytes = encodePayload({ data: body, compress: body.length % 2 === 0 });
      bytes[at % bytes.length] = value;
      try {
        decodePayload(bytes);
      } catch (e) {
        expect(isI2cpError(e), String(e)).toBe(true);
      }
    },
  );
});
