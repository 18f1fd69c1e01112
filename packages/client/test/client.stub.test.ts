// The shared client suite on the router stub: both dialects, over TCP and the in-memory transport.
import { afterAll, beforeAll, describe } from 'vitest';
import type { RouterStub } from '@i2cp/router-stub';
import { clientSuite } from './helpers/client-suite.js';
import { startStub, stubTarget } from './helpers/targets.js';

describe('client suite on the router stub', () => {
  let stub: RouterStub | undefined;
  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  const get = (): RouterStub => {
    if (stub === undefined) throw new Error('stub not started');
    return stub;
  };
  for (const dialect of ['current', '2003'] as const) {
    for (const transport of ['tcp', 'memory'] as const) clientSuite(stubTarget(dialect, transport, get));
  }
});
