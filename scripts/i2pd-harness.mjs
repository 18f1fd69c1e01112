// Test-facing entry for the real-router suites: packages import it as
// `../../../scripts/i2pd-harness.mjs` (types in i2pd-harness.d.mts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findI2pd, startI2pd } from './i2pd/launch.mjs';

export { findI2pd, startI2pd };

const SKIP_BANNER = 'i2pd not installed: interop suite SKIPPED (install with: sudo apt-get install i2pd)';

/**
 * `required` (as .ci/run sets with I2CP_INTEROP=required) turns a missing i2pd into a failure.
 * @returns {'required' | 'optional'}
 */
export function interopMode() {
  return process.env['I2CP_INTEROP'] === 'required' ? 'required' : 'optional';
}

/**
 * `describe` for a suite that needs a real i2pd: runs it when i2pd is installed; otherwise skips it
 * loudly, or fails it when interop is required.
 * @param {string} name
 * @param {() => void} body
 * @returns {void}
 */
export function describeInterop(name, body) {
  if (findI2pd() !== undefined) {
    describe(name, body);
    return;
  }
  if (interopMode() === 'required') {
    describe(name, () => {
      it('needs i2pd (I2CP_INTEROP=required)', () => {
        throw new Error('i2pd not installed but I2CP_INTEROP=required (install with: sudo apt-get install i2pd)');
      });
    });
    return;
  }
  const bar = '!'.repeat(SKIP_BANNER.length + 6);
  console.warn(`\n${bar}\n!! ${SKIP_BANNER} !!\n!! suite: ${name.padEnd(SKIP_BANNER.length - 7)} !!\n${bar}\n`);
  describe.skip(name, body);
}

/**
 * Inside a `describeInterop` body: one i2pd for the whole suite, started in beforeAll and stopped
 * in afterAll. Call the returned function inside tests to get the running instance.
 * @param {import('./i2pd/launch.mjs').StartI2pdOptions} [options]
 * @returns {() => import('./i2pd/launch.mjs').I2pdInstance}
 */
export function useI2pd(options) {
  /** @type {import('./i2pd/launch.mjs').I2pdInstance | undefined} */
  let instance;
  beforeAll(async () => {
    instance = await startI2pd(options);
  });
  afterAll(async () => {
    await instance?.stop();
  });
  return () => {
    if (instance === undefined) throw new Error('useI2pd(): i2pd is not running (call it inside tests, not at collection time)');
    return instance;
  };
}
