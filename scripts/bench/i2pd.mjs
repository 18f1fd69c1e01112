// Part `i2pd`: the real router's local delivery rate, for comparison with the raw relay and the
// router stub. Two I2CP sessions on a private i2pd (current dialect, Ed25519 destinations; the
// recipient publishes an LS1 through CreateLeaseSet, the only kind i2pd 2.45.1 delivers to
// locally), 1 KiB messages through the shared load processes. Session set-up needs a working
// I2CP client, so the part reports itself skipped until @i2cp/client is built with one.
import { findI2pd } from '../i2pd/launch.mjs';

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'i2pd',
  title: 'i2pd baseline',
  description:
    'Local delivery through i2pd 2.45.1 (offline, loopback, started by scripts/i2pd/launch.mjs): two I2CP sessions, ' +
    'current dialect, Ed25519 destinations, the recipient publishes an LS1 (CreateLeaseSet); 1 KiB SendMessage payloads ' +
    'measured at the receiving session.',
  async run() {
    if (findI2pd() === undefined) return { skipped: 'i2pd not installed (sudo apt-get install i2pd)' };
    return { skipped: 'needs @i2cp/client' };
  },
};
