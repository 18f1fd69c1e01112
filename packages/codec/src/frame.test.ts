import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isI2cpError } from '@i2cp/data';
import { FrameDecoder, encodeFrame } from './frame.js';

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** Cuts `bytes` at the given offsets (sorted, deduplicated, in range). */
const split = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(last, p));
    last = p;
  }
  return parts;
};

describe('encodeFrame', () => {
  it('writes the 4-byte big-endian body length, the type, then the body', () => {
    // GetBandwidthLimits (current): I2CP-wire §9 "00 00 00 00 08"
    expect(encodeFrame(8, new Uint8Array(0))).toEqual(Uint8Array.of(0, 0, 0, 0, 8));
    expect(encodeFrame(3, Uint8Array.of(0x12, 0x34))).toEqual(Uint8Array.of(0, 0, 0, 2, 3, 0x12, 0x34));
  });

  it('rejects a type outside 0..255', () => {
    expect(() => encodeFrame(256, new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
    expect(() => encodeFrame(-1, new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
  });
});

describe('FrameDecoder', () => {
  it('returns a frame inside one chunk as a view of that chunk (no copy)', () => {
    const chunk = concat([encodeFrame(20, Uint8Array.of(0x12, 0x34, 1)), encodeFrame(8, new Uint8Array(0))]);
    const frames = new FrameDecoder().push(chunk);
    expect(frames).toEqual([
      { typeId: 20, body: Uint8Array.of(0x12, 0x34, 1) },
      { typeId: 8, body: new Uint8Array(0) },
    ]);
    expect(frames[0]!.body.buffer).toBe(chunk.buffer);
    expect(frames[0]!.body.byteOffset).toBe(5);
  });

  it('copies a frame straddling chunks once into a buffer of its own', () => {
    const frame = encodeFrame(31, Uint8Array.from({ length: 100 }, (_, i) => i));
    const d = new FrameDecoder();
    expect(d.push(frame.subarray(0, 3))).toEqual([]);
    expect(d.buffered).toBe(3);
    expect(d.push(frame.subarray(3, 50))).toEqual([]);
    expect(d.buffered).toBe(50);
    const [f] = d.push(frame.subarray(50));
    expect(f!.body).toEqual(frame.subarray(5));
    expect(f!.body.buffer).not.toBe(frame.buffer);
    expect(f!.body.byteLength).toBe(f!.body.buffer.byteLength);
    expect(d.buffered).toBe(0);
  });

  it('accepts a body of exactly maxMessageBytes and rejects one byte more before buffering it', () => {
    const ok = new FrameDecoder({ maxMessageBytes: 10 });
    expect(ok.push(encodeFrame(1, new Uint8Array(10)))).toHaveLength(1);
    const d = new FrameDecoder({ maxMessageBytes: 10 });
    // Only the header arrives: the declared length alone is enough to refuse it.
    const header = encodeFrame(1, new Uint8Array(11)).subarray(0, 5);
    expect(() => d.push(header)).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE', offset: 0 }));
    expect(d.buffered).toBe(0);
  });

  it('defaults to 64 KiB bodies', () => {
    const d = new FrameDecoder();
    expect(() => d.push(Uint8Array.of(0, 1, 0, 1, 5))).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE' }));
    expect(new FrameDecoder().push(Uint8Array.of(0, 1, 0, 0, 5))).toEqual([]);
  });

  it('rejects a header split across chunks as soon as it is complete, pointing at the frame start', () => {
    const d = new FrameDecoder({ maxMessageBytes: 4 });
    expect(d.push(concat([encodeFrame(1, Uint8Array.of(1)), Uint8Array.of(0, 0)]))).toHaveLength(1);
    expect(() => d.push(Uint8Array.of(0, 5, 9))).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE', offset: 6 }));
  });

  it('after an error every later push throws the same error and yields nothing', () => {
    const d = new FrameDecoder({ maxMessageBytes: 1 });
    let first: unknown;
    try {
      d.push(Uint8Array.of(0, 0, 0, 2, 1, 0, 0));
    } catch (e) {
      first = e;
    }
    expect(isI2cpError(first)).toBe(true);
    expect(() => d.push(encodeFrame(1, new Uint8Array(0)))).toThrow(first);
    expect(() => d.push(new Uint8Array(0))).toThrow(first);
  });

  it('reads lengths above 2^31 as unsigned', () => {
    expect(() => new FrameDecoder().push(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 1))).toThrow(
      expect.objectContaining({ code: 'FRAME_TOO_LARGE' }),
    );
  });

  it('rejects a bad limit at once', () => {
    expect(() => new FrameDecoder({ maxMessageBytes: -1 })).toThrow(RangeError);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 40 })])(
    'any split of a stream of frames yields the same frames in order',
    (frames, cuts) => {
      const stream = concat(frames.map(([t, b]) => encodeFrame(t, b)));
      const d = new FrameDecoder();
      const out = split(stream, cuts).flatMap((c) => d.push(c));
      expect(out).toEqual(frames.map(([typeId, body]) => ({ typeId, body })));
      expect(d.buffered).toBe(0);
    },
  );

  test.prop([fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 30 }), fc.integer({ min: 0, max: 200 })])(
    'arbitrary chunks never throw anything but an I2cpError and end in bounded state',
    (chunks, max) => {
      const d = new FrameDecoder({ maxMessageBytes: max });
      let failed = false;
      for (const c of chunks) {
        try {
          for (const f of d.push(c)) expect(f.body.length).toBeLessThanOrEqual(max);
          expect(failed).toBe(false);
        } catch (e) {
          expect(isI2cpError(e)).toBe(true);
          failed = true;
        }
        expect(d.buffered).toBeLessThanOrEqual(max + 5);
      }
    },
  );
});
