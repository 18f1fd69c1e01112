/**
 * Random input never takes the router down: random byte streams and frames of every type id with
 * random bodies end (at most) their own connection, and a healthy client is served afterwards.
 */
import { afterAll, beforeAll } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { encodeFrame } from '@i2cp/codec';
import type { RouterStub } from '../src/index.js';
import { RawClient, openCurrentSession, startStub } from './helpers.js';

let stub: RouterStub;

beforeAll(async () => {
  ({ stub } = await startStub({ limits: { handshakeTimeoutMs: 200 } }));
});

afterAll(async () => {
  await stub.close();
});

/** Feeds bytes through the in-memory transport and lets the router answer or hang up. */
async function feed(chunks: readonly Uint8Array[]): Promise<void> {
  const transport = stub.connectMemory();
  // Drain whatever the router answers; only the end of the stream matters here.
  const reading = (async () => {
    const iterator = transport[Symbol.asyncIterator]();
    while (!(await iterator.next()).done);
  })();
  for (const chunk of chunks) await transport.write(chunk).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await transport.close();
  await reading;
}

async function stillServes(): Promise<void> {
  const c = RawClient.memory(stub, 'current');
  try {
    c.send({ type: 'GetDate', version: '0.9.67' });
    await c.expect('SetDate');
  } finally {
    c.close();
  }
}

test.prop([fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 })], { numRuns: 60 })(
  'random byte streams never disturb the router',
  async (chunks) => {
    await feed(chunks);
    await stillServes();
  },
);

test.prop(
  [fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.uint8Array({ maxLength: 600 })],
  { numRuns: 200 },
)('a frame of any type with a random body never disturbs the router', async (current, typeId, body) => {
  await feed([...(current ? [Uint8Array.of(0x2a)] : []), encodeFrame(typeId, body)]);
  await stillServes();
});

test.prop([fc.uint8Array({ minLength: 1, maxLength: 200 })], { numRuns: 30 })(
  'random bytes on one connection leave a session on another alone',
  async (junk) => {
    const healthy = await openCurrentSession(RawClient.memory(stub, 'current'));
    const c = RawClient.memory(stub, 'current');
    c.write(junk);
    healthy.client.send({ type: 'GetBandwidthLimits' });
    await healthy.client.expect('BandwidthLimits');
    healthy.client.close();
    c.close();
  },
);
