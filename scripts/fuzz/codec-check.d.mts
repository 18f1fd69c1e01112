// Types of codec-check.mjs for the TypeScript test suites (packages/codec/test/fuzz-regressions.test.ts).
import type { Dialect } from '@i2cp/data';

export interface Violation {
  readonly stage: string;
  readonly dialect: Dialect;
  readonly error: string;
  readonly stack: string;
}

/** The codec functions the oracle runs: sources in the suite, the built packages in `pnpm fuzz`. */
export interface CodecUnderTest {
  readonly FrameDecoder: new (options?: { maxMessageBytes?: number }) => { push(chunk: Uint8Array): { typeId: number; body: Uint8Array }[] };
  readonly decodeMessage: (frame: { typeId: number; body: Uint8Array }, dialect: Dialect) => object;
  /** Takes whatever decodeMessage returned. */
  readonly encodeMessage: (message: any, dialect: Dialect) => Uint8Array;
  readonly isI2cpError: (e: unknown) => boolean;
}

export function createCodecCheck(codec: CodecUnderTest): (bytes: Uint8Array, cuts: readonly number[]) => Violation | undefined;
/** Input `index` of a run: the mutated bytes, how they were made, and where the stream is cut. */
export function codecInput(
  seed: number,
  index: number,
  seeds: Record<Dialect, readonly Uint8Array[]>,
): { bytes: Uint8Array; how: string; cuts: number[] };
