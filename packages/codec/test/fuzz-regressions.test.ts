// The codec fuzzer's oracle (scripts/fuzz/codec-check.mjs) in the suite, on the sources: seeded
// mutations of a valid frame of every message of both dialects must decode or throw an
// I2cpError, in both dialects, through FrameDecoder cut anywhere and through decodeMessage alone;
// a decoded message must encode again, and that frame must decode. The long run is `pnpm fuzz`
// (scripts/fuzz/README.md).
//
// Findings of `pnpm fuzz --target codec` go here as regression cases with their bytes inline as
// hex (from .fuzz/findings/*.json). None so far: 1.7 million inputs of seed 11 found nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { fromHex, isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { FrameDecoder, decodeMessage, encodeMessage } from '../src/index.js';
import { codecInput, createCodecCheck } from '../../../scripts/fuzz/codec-check.mjs';
import { toHexString } from '../../../scripts/fuzz/mutate.mjs';

const SEEDS_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../scripts/fuzz/seeds.json');
const SEED = 20261122;
const INPUTS = 4000;
const check = createCodecCheck({ FrameDecoder, decodeMessage, encodeMessage, isI2cpError });

function loadSeeds(): Record<Dialect, Uint8Array[]> {
  const file = JSON.parse(readFileSync(SEEDS_FILE, 'utf8')) as Record<Dialect, { hex: string }[]>;
  return { '2003': file['2003'].map((s) => fromHex(s.hex)), current: file.current.map((s) => fromHex(s.hex)) };
}

describe('codec fuzz oracle', () => {
  test(`${INPUTS} mutated frames of every message (seed ${SEED}): decoded or an I2cpError, and what decodes re-encodes`, () => {
    const seeds = loadSeeds();
    const problems: string[] = [];
    for (let index = 0; index < INPUTS; index++) {
      const { bytes, how, cuts } = codecInput(SEED, index, seeds);
      const problem = check(bytes, cuts);
      if (problem !== undefined) problems.push(`input ${index} (${how}): ${problem.stage} (${problem.dialect}) ${problem.error}\n  ${toHexString(bytes)}`);
    }
    expect(problems).toEqual([]);
  });

  test('the oracle catches what it is meant to catch', () => {
    const sessionStatus = fromHex('000000031400070a');
    expect(check(sessionStatus, [])).toBeUndefined();
    const planted = vi.spyOn(FrameDecoder.prototype, 'push').mockImplementation(() => {
      throw new TypeError('planted');
    });
    try {
      expect(check(sessionStatus, [])).toMatchObject({ stage: 'FrameDecoder.push', dialect: '2003', error: 'TypeError: planted' });
    } finally {
      planted.mockRestore();
    }
  });
});
