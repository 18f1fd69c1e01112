// Part `i2pd`: the real router's local delivery, for comparison with the raw relay and the router
// stub. A private offline i2pd; two I2CP sessions (one per load process, current dialect, Ed25519
// + ElGamal destinations, zero-hop tunnels, each publishing an LS1 through CreateLeaseSet, the
// only kind i2pd 2.45.1 delivers to locally) driven by hand-built frames (lib/i2cp-raw-adapter.mjs)
// so that client-library costs stay out of the figures.
import { findI2pd, startI2pd } from '../i2pd/launch.mjs';
import { runBestOf } from './lib/load.mjs';
import { loadResultRow } from './lib/part.mjs';

const CASES = [
  { label: '1 KiB, saturating', size: 1024, rate: 0 },
  { label: '1 KiB at 1,000 msgs/s', size: 1024, rate: 1_000 },
];

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'i2pd',
  title: 'i2pd baseline',
  description: [
    'Local delivery through i2pd (Debian package, offline on loopback, started by scripts/i2pd/launch.mjs with log level warn):',
    'a sender and a receiver process each open one I2CP session (current dialect, Ed25519 + ElGamal destination, zero-hop',
    'tunnels, LS1 published with CreateLeaseSet) with hand-built frames, so no client library is measured. SendMessage with',
    'nonce 0 (no status replies), payloads stamped and timed as in the raw relay part; `lost` = sent in the measured window',
    'but not delivered once arrivals stopped after the end marker (200 ms quiet, at most 3 s).',
  ].join(' '),
  async run(context) {
    if (findI2pd() === undefined) return { skipped: 'i2pd not installed (sudo apt-get install i2pd)' };
    if ((await context.loadPackage('data')) === undefined) return { skipped: 'needs the built @i2cp/data (pnpm build)' };
    const router = await startI2pd({ logLevel: 'warn' });
    try {
      const rows = [];
      for (const c of CASES) {
        context.log(`i2pd: ${c.label}`);
        const result = await runBestOf(context.repeat, {
          adapter: new URL('./lib/i2cp-raw-adapter.mjs', import.meta.url),
          receiverOptions: { port: router.i2cpPort },
          senderOptions: { port: router.i2cpPort },
          size: c.size,
          rate: c.rate,
          warmupMs: context.warmupMs,
          durationMs: context.durationMs,
        });
        rows.push(loadResultRow(c.label, result));
      }
      return rows;
    } finally {
      await router.stop();
    }
  },
};
