import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isI2cpError } from '@i2cp/data';
import { FrameDecoder } from '../src/frame.js';
import { decodeMessage, encodeMessage, encodeMessageBody } from '../src/message.js';
import { messageCatalogue } from '../src/catalogue.js';
import { describe as describeMessage } from '../src/describe.js';
import { plain } from './plain.js';
import type { Vector } from './vectors/hex.js';
import { vectors2003 } from './vectors/messages-2003.js';
import { vectorsCurrent } from './vectors/messages-current.js';
import { vectorsI2pd } from './vectors/captured-i2pd.js';

const vectors: readonly Vector[] = [...vectors2003, ...vectorsCurrent, ...vectorsI2pd];

const bodyOf = (v: Vector): Uint8Array => v.frame.subarray(5);

describe('golden vectors cover every message of both dialects', () => {
  it.each(['2003', 'current'] as const)('%s', (dialect) => {
    const covered = new Set(vectors.filter((v) => v.dialect === dialect).map((v) => v.frame[4]));
    const defined = messageCatalogue.filter((m) => m.dialects.includes(dialect)).map((m) => m.id);
    expect(defined.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
  it('decodes to the object', () => {
    const frames = new FrameDecoder().push(v.frame);
    expect(frames).toHaveLength(1);
    expect(plain(decodeMessage(frames[0]!, v.dialect))).toEqual(plain(v.message));
  });

  it('encodes to the bytes', () => {
    expect(encodeMessage(v.message, v.dialect)).toEqual(v.frame);
    expect(encodeMessageBody(v.message, v.dialect)).toEqual(bodyOf(v));
  });

  it('decodes its own encoding back to the object', () => {
    const [frame] = new FrameDecoder().push(encodeMessage(v.message, v.dialect));
    expect(plain(decodeMessage(frame!, v.dialect))).toEqual(plain(v.message));
  });

  it('comes out of FrameDecoder fed byte by byte only after the last byte', () => {
    const d = new FrameDecoder();
    for (let i = 0; i < v.frame.length - 1; i++) expect(d.push(v.frame.subarray(i, i + 1))).toEqual([]);
    const frames = d.push(v.frame.subarray(v.frame.length - 1));
    expect(frames).toHaveLength(1);
    expect(plain(decodeMessage(frames[0]!, v.dialect))).toEqual(plain(v.message));
  });

  test.prop([fc.uniqueArray(fc.nat({ max: v.frame.length }), { maxLength: 8 })], { numRuns: 20 })('survives random splits', (cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), v.frame.length];
    const d = new FrameDecoder();
    const frames = [];
    for (let i = 1; i < points.length; i++) frames.push(...d.push(v.frame.subarray(points[i - 1], points[i])));
    expect(frames).toHaveLength(1);
    expect(plain(decodeMessage(frames[0]!, v.dialect))).toEqual(plain(v.message));
  });

  it('yields nothing for any strict prefix of the frame', () => {
    for (let k = 0; k < v.frame.length; k++) expect(new FrameDecoder().push(v.frame.subarray(0, k))).toEqual([]);
  });

  it('throws DECODE_TRUNCATED for every cut body, unless the spec makes the rest optional', () => {
    const body = bodyOf(v);
    const typeId = v.frame[4]!;
    for (let k = 0; k < body.length; k++) {
      const cut = body.subarray(0, k);
      if (v.validPrefixes?.includes(k)) {
        expect(encodeMessageBody(decodeMessage({ typeId, body: cut }, v.dialect), v.dialect), `prefix ${k}`).toEqual(cut);
      } else {
        expect(() => decodeMessage({ typeId, body: cut }, v.dialect), `prefix ${k}`).toThrow(
          expect.objectContaining({ code: 'DECODE_TRUNCATED' }),
        );
      }
    }
  });

  it('rejects a trailing byte unless the body is read by size', () => {
    const body = new Uint8Array(bodyOf(v).length + 1);
    body.set(bodyOf(v));
    const typeId = v.frame[4]!;
    try {
      const m = decodeMessage({ typeId, body }, v.dialect);
      // Only bodies with an optional tail or no structure may absorb another byte.
      expect(v.message.type === 'unknown' || v.validPrefixes !== undefined || ['GetDate', 'DestReply', 'SetDate', 'HostReply'].includes(m.type)).toBe(true);
    } catch (e) {
      expect(isI2cpError(e)).toBe(true);
    }
  });

  it('describes itself as JSON', () => {
    const d = describeMessage(v.message, v.dialect);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
