import { defineConfig } from 'vitest/config';

// One vitest run covers every workspace project; each package has its own vitest.config.ts.
// With I2CP_TEST_RESULTS set (as .ci/run does), results are also written there as JSON so
// the CI script can print its `N passed, N failed` line.
const resultsFile = process.env['I2CP_TEST_RESULTS'];

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: resultsFile ? ['default', 'json'] : ['default'],
    ...(resultsFile ? { outputFile: { json: resultsFile } } : {}),
  },
});
