import { seededRandom } from '../src/random.js';

/** Reproducible junk bytes for fuzz-like tests. */
export function seededBytes(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}
