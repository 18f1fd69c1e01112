import { expect } from 'vitest';
import { isI2cpError } from '@i2cp/data';

/** Asserts that `f` throws an I2cpError with `code` (and nothing else: no foreign error, no success). */
export function expectCode(f: () => unknown, code: string): void {
  try {
    f();
  } catch (e) {
    expect(isI2cpError(e), String(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

/** Runs `f`; whatever it throws must be an I2cpError. Returns whether it returned normally. */
export function onlyI2cpErrors(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    expect(isI2cpError(e), String(e)).toBe(true);
    return false;
  }
}
