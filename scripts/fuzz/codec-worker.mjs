// A codec fuzzing worker: inputs `first`, `first + stride`, … until told to stop. Before each
// input it publishes the input's number, so the parent can tell a hang and which input hung.
import { parentPort, workerData } from 'node:worker_threads';
import { isI2cpError } from '../../packages/data/dist/index.js';
import { FrameDecoder, decodeMessage, encodeMessage } from '../../packages/codec/dist/index.js';
import { codecInput, createCodecCheck } from './codec-check.mjs';

const checkCodec = createCodecCheck({ FrameDecoder, decodeMessage, encodeMessage, isI2cpError });

/** @type {{ seed: number, first: number, stride: number, progress: SharedArrayBuffer, slot: number, seeds: Record<'2003' | 'current', Uint8Array[]> }} */
const { seed, first, stride, progress, slot, seeds } = workerData;
const shared = new Int32Array(progress);
const CURRENT = slot * 2;
const DONE = slot * 2 + 1;

for (let index = first; ; index += stride) {
  if (Atomics.load(shared, shared.length - 1) === 1) break;
  Atomics.store(shared, CURRENT, index);
  const input = codecInput(seed, index, seeds);
  const problem = checkCodec(input.bytes, input.cuts);
  if (problem !== undefined) parentPort?.postMessage({ index, how: input.how, cuts: input.cuts, bytes: input.bytes, ...problem });
  Atomics.add(shared, DONE, 1);
}
