// The shared client suite on a real i2pd 2.45.1 that the suite starts itself (offline, loopback).
// Skipped loudly when i2pd is not installed; a failure when I2CP_INTEROP=required.
import { describeInterop, useI2pd } from '../../../scripts/i2pd-harness.mjs';
import { clientSuite } from './helpers/client-suite.js';
import { i2pdTarget } from './helpers/targets.js';

describeInterop('client suite on i2pd', () => {
  const i2pd = useI2pd();
  clientSuite(i2pdTarget(i2pd));
});
