// The codec oracle: what must hold for any bytes at all, in both dialects. The codec is passed in,
// so the fuzzer checks the built packages and the suite (packages/codec/test/fuzz-regressions.test.ts)
// their sources with the same oracle.
import { randomFor, mutate } from './mutate.mjs';

/** @typedef {import('../../packages/data/dist/index.js').Dialect} Dialect */
/** @typedef {{ stage: string, dialect: Dialect, error: string, stack: string }} Violation */
/**
 * @typedef {object} CodecUnderTest
 * @property {typeof import('../../packages/codec/dist/index.js').FrameDecoder} FrameDecoder
 * @property {typeof import('../../packages/codec/dist/index.js').decodeMessage} decodeMessage
 * @property {typeof import('../../packages/codec/dist/index.js').encodeMessage} encodeMessage
 * @property {typeof import('../../packages/data/dist/index.js').isI2cpError} isI2cpError
 */

const DIALECTS = /** @type {const} */ (['2003', 'current']);

/**
 * Input `index` of the run: a mutated seed of either dialect (10 % plain random bytes are among
 * the mutators), and where the stream is cut into chunks.
 * @param {number} seed
 * @param {number} index
 * @param {Record<Dialect, readonly Uint8Array[]>} seeds
 */
export function codecInput(seed, index, seeds) {
  const r = randomFor(seed, index);
  const corpus = seeds[r.pick(DIALECTS)];
  const { bytes, how } = mutate(r, corpus);
  const cuts = [];
  for (let n = r.int(4); n > 0; n--) cuts.push(r.int(bytes.length + 1));
  cuts.sort((a, b) => a - b);
  return { bytes, how, cuts };
}

/**
 * The check of one input: decodes `bytes` as a stream (cut at `cuts`) and each frame as a
 * message, in both dialects; a decoded message must encode again and that encoding must decode.
 * It returns the first violation: anything thrown that is not an I2cpError.
 * @param {CodecUnderTest} codec
 * @returns {(bytes: Uint8Array, cuts: readonly number[]) => Violation | undefined}
 */
export function createCodecCheck(codec) {
  const { FrameDecoder, decodeMessage, encodeMessage, isI2cpError } = codec;
  return checkCodec;

  /** @param {Uint8Array} bytes @param {readonly number[]} cuts @returns {Violation | undefined} */
  function checkCodec(bytes, cuts) {
    for (const dialect of DIALECTS) {
      const decoder = new FrameDecoder();
      let from = 0;
      for (const to of [...cuts, bytes.length]) {
        let frames;
        try {
          frames = decoder.push(bytes.subarray(from, to));
        } catch (e) {
          if (!isI2cpError(e)) return violation('FrameDecoder.push', dialect, e);
          break;
        }
        from = to;
        for (const frame of frames) {
          const problem = checkFrame(frame, dialect);
          if (problem !== undefined) return problem;
        }
      }
      // The body as the decoder of each type id would see it without framing.
      if (bytes.length >= 5) {
        const problem = checkFrame({ typeId: bytes[4] ?? 0, body: bytes.subarray(5) }, dialect);
        if (problem !== undefined) return problem;
      }
    }
    return undefined;
  }

  /**
   * @param {{ typeId: number, body: Uint8Array }} frame
   * @param {Dialect} dialect
   * @returns {Violation | undefined}
   */
  function checkFrame(frame, dialect) {
    let message;
    try {
      message = decodeMessage(frame, dialect);
    } catch (e) {
      return isI2cpError(e) ? undefined : violation('decodeMessage', dialect, e);
    }
    let again;
    try {
      again = encodeMessage(message, dialect);
    } catch (e) {
      // The encoder may refuse what the decoder tolerates (its rules are stricter), but only typed.
      return isI2cpError(e) ? undefined : violation('encodeMessage(decoded)', dialect, e);
    }
    try {
      const frames = new FrameDecoder({ maxMessageBytes: Math.max(65536, again.length) }).push(again);
      for (const f of frames) decodeMessage(f, dialect);
    } catch (e) {
      return violation('decodeMessage(encodeMessage(decoded))', dialect, e);
    }
    return undefined;
  }
}

/** @returns {Violation} */
function violation(/** @type {string} */ stage, /** @type {Dialect} */ dialect, /** @type {unknown} */ e) {
  const error = e instanceof Error ? `${e.name}: ${e.message}` : `non-error thrown: ${String(e)}`;
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  return { stage, dialect, error, stack };
}
