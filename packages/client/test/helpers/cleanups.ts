import { afterEach } from 'vitest';
import { createRouterStub, type RouterStub, type RouterStubOptions } from '@i2cp/router-stub';

/**
 * Things a test starts are stopped after it, last started first, whatever happened.
 * Call at the top of a test file; `stubWith` starts a private router stub on a free port.
 */
export function useCleanups(): {
  readonly later: (cleanup: () => Promise<unknown>) => void;
  readonly stubWith: (options?: RouterStubOptions) => Promise<RouterStub>;
} {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const later = (cleanup: () => Promise<unknown>): void => {
    cleanups.push(cleanup);
  };
  return {
    later,
    stubWith: async (options = {}) => {
      const stub = await createRouterStub({ port: 0, logLevel: 'error', ...options });
      later(() => stub.close());
      return stub;
    },
  };
}
