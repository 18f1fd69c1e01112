// Types of mutate.mjs for the TypeScript test suites (packages/router-stub/test/fuzz-live.test.ts).

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array;
}

export function createRandom(seed: number): Random;
/** The generator of input `index` of the run seeded `seed`. */
export function randomFor(seed: number, index: number): Random;
/** One fuzz input: a seed frame with 1–3 stacked mutations (named in `how`). */
export function mutate(r: Random, seeds: readonly Uint8Array[]): { bytes: Uint8Array; how: string; seedIndex: number };
export function concat(...parts: Uint8Array[]): Uint8Array;
export function toHexString(bytes: Uint8Array): string;
