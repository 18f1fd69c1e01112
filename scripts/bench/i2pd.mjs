// Part `i2pd`: the real router's local delivery, for comparison with the raw relay and the router
// stub. A private offline i2pd; each pair is two I2CP sessions (one in each load process, current
// dialect, Ed25519 + ElGamal destinations, zero-hop tunnels, each publishing an LS1 through
// CreateLeaseSet, the only kind i2pd 2.45.1 delivers to locally) driven by hand-built frames
// (lib/i2cp-raw-adapter.mjs) so that client-library costs stay out of the figures.
import { findI2pd, startI2pd } from '../i2pd/launch.mjs';
import { runMatrix } from './lib/matrix.mjs';

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'i2pd',
  title: 'i2pd baseline',
  order: 20,
  description: [
    'Local delivery through i2pd (Debian package, offline on loopback, started by scripts/i2pd/launch.mjs with log level',
    'warn, a fresh instance and one run per case): each pair is a session in the sender process and one in the receiver process',
    '(one connection each, current dialect, Ed25519 + ElGamal destination, zero-hop tunnels, LS1 published with',
    'CreateLeaseSet) with hand-built frames, so no client library is measured. SendMessage with nonce 0 (no status',
    'replies); cases, pacing, stamps and latency as in the raw relay part; `lost` = sent in the measured window but not',
    'delivered once arrivals stopped after the end markers (200 ms quiet, at most 3 s).',
  ].join(' '),
  async run(context) {
    if (findI2pd() === undefined) return { skipped: 'i2pd not installed (sudo apt-get install i2pd)' };
    if ((await context.loadPackage('data')) === undefined) return { skipped: 'needs the built @i2cp/data (pnpm build)' };
    const { rows, results } = await runMatrix(context, {
      name: 'i2pd 2.45.1',
      // One run per case whatever --repeat says: set-up alone takes i2pd up to 40 s at 100 pairs.
      repeat: 1,
      adapter: new URL('./lib/i2cp-raw-adapter.mjs', import.meta.url),
      // A fresh i2pd per case: sessions of the previous case's killed processes linger in it, and
      // with 200 of them it refuses new sessions (status 4).
      start: async () => {
        const router = await startI2pd({ logLevel: 'warn' });
        return { port: router.i2cpPort, stop: () => router.stop() };
      },
    });
    context.results.set('i2pd', results);
    return rows;
  },
};
