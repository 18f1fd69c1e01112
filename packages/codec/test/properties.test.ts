import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { messageCatalogue } from '../src/catalogue.js';
import { FrameDecoder } from '../src/frame.js';
import { SAFETY_NET, decodeMessage, encodeMessage } from '../src/message.js';
import { describe as describeMessage } from '../src/describe.js';
import { arbMessageOf } from './arbitraries.js';
import { plain } from './plain.js';
import { vectors2003 } from './vectors/messages-2003.js';
import { vectorsCurrent } from './vectors/messages-current.js';
import { vectorsI2pd } from './vectors/captured-i2pd.js';

const DIALECTS: readonly Dialect[] = ['2003', 'current'];

/** Decoding must give a message or an I2cpError that is not a wrapped foreign exception. */
function decodeOrI2cpError(typeId: number, body: Uint8Array, dialect: Dialect): void {
  try {
    const m = decodeMessage({ typeId, body }, dialect);
    expect(typeof m.type).toBe('string');
  } catch (e) {
    expect(isI2cpError(e), String(e)).toBe(true);
    expect((e as Error).message).not.toContain(SAFETY_NET);
  }
}

describe.each(DIALECTS)('dialect %s', (dialect) => {
  const types = messageCatalogue.filter((m) => m.dialects.includes(dialect));

  describe.each(types.map((m) => [m.name, m] as const))('%s', (name) => {
    test.prop([arbMessageOf(name, dialect)], { numRuns: 40 })('round-trips through encode, FrameDecoder and decode', (message) => {
      const frame = encodeMessage(message, dialect);
      const frames = new FrameDecoder({ maxMessageBytes: 0xffff_ffff }).push(frame);
      expect(frames).toHaveLength(1);
      expect(plain(decodeMessage(frames[0]!, dialect))).toEqual(plain(message));
      expect(JSON.parse(JSON.stringify(describeMessage(message, dialect)))).toBeTypeOf('object');
    });
  });

  test.prop([fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 600 })], { numRuns: 3000 })(
    'arbitrary bytes for any type id decode or throw an I2cpError',
    (typeId, body) => decodeOrI2cpError(typeId, body, dialect),
  );
});

const vectors = [...vectors2003, ...vectorsCurrent, ...vectorsI2pd];

test.prop(
  [fc.constantFrom(...vectors), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.nat({ max: 40 })],
  { numRuns: 3000 },
)('mutated golden frames (bytes changed, body cut) decode or throw an I2cpError', (v, edits, cut) => {
  const body = v.frame.slice(5);
  for (const [at, value] of edits) if (body.length > 0) body[at % body.length] = value;
  decodeOrI2cpError(v.frame[4]!, body.subarray(0, Math.max(0, body.length - cut)), v.dialect);
});
