// i2pd stopped under a live session: every pending call settles with a typed error, nothing hangs.
import { expect, test } from 'vitest';
import { generateDestination, isI2cpError } from '@i2cp/data';
import { describeInterop, useI2pd } from '../../../scripts/i2pd-harness.mjs';
import { connect } from '../src/index.js';
import { I2PD_SESSION_OPTIONS, patterned } from './helpers/targets.js';

describeInterop('router killed (i2pd)', () => {
  const i2pd = useI2pd();

  test('mid-send: sends, lookups and iterators settle typed; closed reports the cause', async () => {
    const router = i2pd();
    const connection = await connect({ host: router.host, port: router.i2cpPort, signal: AbortSignal.timeout(10_000) });
    try {
      const session = await connection.createSession({
        keys: generateDestination(),
        options: { ...I2PD_SESSION_OPTIONS, 'i2cp.leaseSetType': '1' },
        signal: AbortSignal.timeout(40_000),
      });
      // Its end is captured at once: it comes while the test still waits for other things.
      const iterationEnd = (async () => {
        for await (const m of session.messages()) expect(m).toBeDefined();
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      // Unknown destinations keep i2pd looking for a lease set: their statuses are outstanding when it dies.
      const pending: Promise<unknown>[] = Array.from({ length: 10 }, (_, i) => session.send(generateDestination().destination, patterned(100, i)));
      pending.push(session.lookup('nowhere.i2p'), connection.bandwidthLimits());
      const settled = Promise.allSettled(pending);
      await router.stop();
      const results = await Promise.race([
        settled,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not settled in 10 s')), 10_000).unref()),
      ]);
      for (const r of results) {
        if (r.status === 'rejected') expect(isI2cpError(r.reason)).toBe(true);
      }
      expect(results.some((r) => r.status === 'rejected')).toBe(true);
      await expect(connection.closed).resolves.toMatchObject({ code: 'DISCONNECTED' });
      await expect(iterationEnd).resolves.toMatchObject({ code: 'DISCONNECTED' });
      await expect(session.send(generateDestination().destination, patterned(1))).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    } finally {
      await connection.close();
    }
  }, 90_000);
});
