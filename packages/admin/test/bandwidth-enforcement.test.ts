import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RouterStub } from '@i2cp/router-stub';
import { connectAdmin } from '../src/admin-client.js';
import { RawSession } from './helpers/raw-session.js';
import { startStub } from './helpers/stub.js';
import { tempDir } from './helpers/fixtures.js';

const PASSPHRASE = 'bandwidth';
const LIMIT_BPS = 32 * 1024;
const PAYLOAD = new Uint8Array(1024).fill(0x5a);
const WINDOW_MS = 2000;

let dir: { path: string; remove: () => Promise<void> };
let stub: RouterStub;
beforeEach(async () => {
  dir = await tempDir();
  stub = await startStub({ passphrase: PASSPHRASE }, dir.path);
});
afterEach(async () => {
  await stub.close();
  await dir.remove();
});

/** Sends as fast as the router takes it for WINDOW_MS and returns the payload bytes delivered in that window. */
async function deliveredInWindow(): Promise<number> {
  const sender = await RawSession.open(stub.connectMemory());
  const receiver = await RawSession.open(stub.connectMemory());
  const start = performance.now();
  for (let left = WINDOW_MS; left > 0; left = WINDOW_MS - (performance.now() - start)) {
    // A batch per turn so the writer does not starve the reader; a router that stops reading the
    // sender (back-pressure) must not hold the loop past the window.
    // A write that fails after the window closed shows up as bytes missing from the count.
    const batch = Promise.all(Array.from({ length: 16 }, () => sender.sendPayload(receiver.destination, PAYLOAD))).catch(() => undefined);
    await Promise.race([batch, new Promise((resolve) => setTimeout(resolve, left))]);
  }
  const delivered = receiver.receivedBetween(start, start + WINDOW_MS);
  await sender.close();
  await receiver.close();
  return delivered;
}

it('the admin bandwidth limit measurably limits what a sender gets delivered', async () => {
  const unlimited = await deliveredInWindow();
  const admin = await connectAdmin({ transport: stub.connectMemory(), passphrase: PASSPHRASE });
  await admin.setBandwidthLimits(
    { classes: [{ name: 'default', routers: [], averageDown: LIMIT_BPS, averageUp: LIMIT_BPS, peakDown: LIMIT_BPS, peakUp: LIMIT_BPS }] },
    { confirm: true },
  );
  await admin.close();
  const limited = await deliveredInWindow();
  const seconds = WINDOW_MS / 1000;
  // At most the rate over the window plus one second of peak burst; the unlimited run shows the limit is what held it back.
  expect(limited).toBeLessThanOrEqual(LIMIT_BPS * seconds + LIMIT_BPS + PAYLOAD.length);
  expect(limited).toBeGreaterThan(0);
  expect(unlimited).toBeGreaterThan(limited * 10);
});
