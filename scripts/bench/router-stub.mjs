// Part `router-stub`: local delivery through @i2cp/router-stub, with the same load processes and
// hand-built current-dialect frames as the i2pd part (lib/i2cp-raw-adapter.mjs), so the three
// tables (raw relay, i2pd, router stub) compare the routers and nothing else.
import { runLoadCase } from './lib/load.mjs';
import { loadResultRow } from './lib/part.mjs';

const KIB = 1024;
const CASES = [
  { label: '64 B, saturating', size: 64, rate: 0 },
  { label: '1 KiB, saturating', size: KIB, rate: 0 },
  { label: '32 KiB, saturating', size: 32 * KIB, rate: 0 },
  { label: '1 KiB at 1,000 msgs/s', size: KIB, rate: 1_000 },
  { label: '1 KiB at 10,000 msgs/s', size: KIB, rate: 10_000 },
];

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'router-stub',
  title: 'Router stub',
  description: [
    'Local delivery through the built @i2cp/router-stub (packages/router-stub/dist, started in the bench process on',
    '127.0.0.1, log level warn, default limits). A sender and a receiver process each open one I2CP session (current',
    'dialect, Ed25519 + ElGamal destination, LS1 through CreateLeaseSet, `i2cp.fastReceive=true`) with hand-built',
    'frames (lib/i2cp-raw-adapter.mjs, as for i2pd); SendMessage with nonce 0 (no status replies). Latency and',
    '`lost` are measured as in the raw relay and i2pd parts.',
  ].join(' '),
  async run(context) {
    const stubPackage = await context.loadPackage('router-stub');
    if (stubPackage === undefined || (await context.loadPackage('data')) === undefined) {
      return { skipped: 'needs the built @i2cp/router-stub and @i2cp/data (pnpm build)' };
    }
    const rows = [];
    for (const c of CASES) {
      // A fresh stub per case: no session or queue state carries over between cases.
      const stub = await stubPackage.createRouterStub({ port: 0, logLevel: 'warn' });
      try {
        context.log(`router-stub: ${c.label}`);
        const result = await runLoadCase({
          adapter: new URL('./lib/i2cp-raw-adapter.mjs', import.meta.url),
          receiverOptions: { port: stub.address.port },
          senderOptions: { port: stub.address.port },
          size: c.size,
          rate: c.rate,
          warmupMs: context.warmupMs,
          durationMs: context.durationMs,
        });
        rows.push(loadResultRow(c.label, result));
      } finally {
        await stub.close();
      }
    }
    return rows;
  },
};
