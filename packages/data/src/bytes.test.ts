import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Reader, Writer, fromHex, toHex, utf8Decode } from './bytes.js';
import { isI2cpError } from './errors.js';

describe('Reader', () => {
  it('reads big-endian integers and views', () => {
    const r = new Reader(fromHex('01 0203 04050607 0000000000000008 aabb'));
    expect(r.u8()).toBe(1);
    expect(r.u16()).toBe(0x0203);
    expect(r.u32()).toBe(0x04050607);
    expect(r.u64()).toBe(8);
    const v = r.bytesView(2);
    expect(toHex(v)).toBe('aabb');
    expect(v.buffer).toBe(r.bytes.buffer);
    r.end();
  });

  it('throws DECODE_TRUNCATED with the offset, never a RangeError', () => {
    const r = new Reader(fromHex('0102'), 10);
    r.u8();
    try {
      r.u32();
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e)).toBe(true);
      expect((e as { code: string }).code).toBe('DECODE_TRUNCATED');
      expect((e as { offset: number }).offset).toBe(11);
    }
  });

  it('rejects 8-byte integers above 2^53-1 and trailing bytes', () => {
    expect(() => new Reader(fromHex('0020000000000000')).u64()).toThrow(/exceeds/);
    const r = new Reader(fromHex('00'));
    expect(() => { r.end(); }).toThrow(/unexpected bytes/);
  });

  it('decodes UTF-8 strictly', () => {
    expect(() => utf8Decode(fromHex('c3'))).toThrow(/UTF-8/);
  });
});

describe('Writer', () => {
  it('writes and grows', () => {
    const w = new Writer(1);
    w.u8(1).u16(0x0203).u32(0x04050607).u64(2 ** 40).uint(0x010203, 3).bytes(fromHex('ff'));
    expect(toHex(w.finish())).toBe('01020304050607000001000000000001' + '0203ff');
  });

  it('rejects out-of-range values with ENCODE_INVALID', () => {
    expect(() => new Writer().u8(256)).toThrow(/out of range/);
    expect(() => new Writer().u16(-1)).toThrow(/out of range/);
    expect(() => new Writer().u32(1.5)).toThrow(/out of range/);
    expect(() => new Writer().fixed(new Uint8Array(3), 4, 'Hash')).toThrow(/Hash must be 4 bytes/);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 0xffff_ffff }))])('u32 round trip', (values) => {
    const w = new Writer();
    for (const v of values) w.u32(v);
    const r = new Reader(w.finish());
    for (const v of values) expect(r.u32()).toBe(v);
    r.end();
  });
});
