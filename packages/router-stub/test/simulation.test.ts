import { afterEach, describe, expect, it } from 'vitest';
import { MessageStatusCode } from '@i2cp/codec';
import type { RouterAdminHandler, RouterControl, RouterStub, RouterStubOptions } from '../src/index.js';
import { RawClient, open2003Session, openCurrentSession, startStub } from './helpers.js';

let stub: RouterStub | undefined;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stub?.close();
  stub = undefined;
});

async function pair(options: RouterStubOptions) {
  ({ stub } = await startStub(options));
  const c1 = await RawClient.tcp(stub.address.port, 'current');
  const c2 = await RawClient.tcp(stub.address.port, 'current');
  clients.push(c1, c2);
  const a = await openCurrentSession(c1, { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
  const b = await openCurrentSession(c2);
  return { a, b };
}

/** Sends n numbered messages with nonces, waits for every final status, then returns the numbers that arrived. */
async function run(options: RouterStubOptions, n: number): Promise<{ arrived: number[]; statuses: number[] }> {
  const { a, b } = await pair(options);
  for (let i = 0; i < n; i++) {
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(i), nonce: i + 1 });
  }
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await a.client.expect('MessageStatus')).status);
  b.client.send({ type: 'GetBandwidthLimits' });
  const arrived: number[] = [];
  for (;;) {
    const m = await b.client.next();
    if (m.type === 'BandwidthLimits') break;
    if (m.type === 'MessagePayload') arrived.push(m.payload[0]!);
  }
  return { arrived, statuses };
}

describe('network simulation', () => {
  it('drops every message at probability 1; senders still see success, as from a real network', async () => {
    const { arrived, statuses } = await run({ simulation: { dropProbability: 1 } }, 20);
    expect(arrived).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([MessageStatusCode.LocalSuccess]));
    expect(stub!.stats()).toMatchObject({ dropped: 20, delivered: 0 });
  });

  it('drops the same messages for the same seed, and some but not all at probability 0.5', async () => {
    const first = await run({ simulation: { dropProbability: 0.5, seed: 42 } }, 64);
    await stub!.close();
    for (const c of clients.splice(0)) c.close();
    const second = await run({ simulation: { dropProbability: 0.5, seed: 42 } }, 64);
    expect(second.arrived).toEqual(first.arrived);
    expect(first.arrived.length).toBeGreaterThan(0);
    expect(first.arrived.length).toBeLessThan(64);
  });

  it('delays delivery by the latency and holds the messages meanwhile', async () => {
    const { a, b } = await pair({ simulation: { latencyMs: 300, jitterMs: 50 } });
    for (let i = 0; i < 5; i++) {
      a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(i), nonce: 0 });
    }
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
    expect(stub!.stats().queuedMessages).toBe(5);
    const got = new Set<number>();
    for (let i = 0; i < 5; i++) got.add((await b.client.expect('MessagePayload', 3000)).payload[0]!);
    expect(got).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(stub!.stats()).toMatchObject({ queuedMessages: 0, delivered: 5 });
  });

  it('reports 5 to a Guaranteed 2003 sender whose message was lost', async () => {
    ({ stub } = await startStub({ simulation: { dropProbability: 1 } }));
    const c1 = await RawClient.tcp(stub.address.port, '2003');
    const c2 = await RawClient.tcp(stub.address.port, '2003');
    clients.push(c1, c2);
    const a = await open2003Session(c1, { 'i2cp.messageReliability': 'Guaranteed' });
    const b = await open2003Session(c2);
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(1) });
    expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.Accepted);
    expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.GuaranteedFailure);
  });

  it('enforces the traffic limits an admin handler sets, and reports them in BandwidthLimits', async () => {
    let control: RouterControl | undefined;
    const admin: RouterAdminHandler = {
      attach: (c) => {
        control = c;
      },
      handle: () => Promise.resolve({ kind: 'none' }),
      close: () => Promise.resolve(),
    };
    const { a, b } = await pair({ admin });
    control!.setTrafficLimits({ averageUpBps: 10_240, peakUpBps: 10_240, averageDownBps: 20_480, peakDownBps: 0 });
    a.client.send({ type: 'GetBandwidthLimits' });
    const limits = await a.client.expect('BandwidthLimits');
    if (limits.dialect === 'current') expect(limits.limits.slice(0, 2)).toEqual([20, 10]);
    for (let i = 0; i < 2; i++) {
      a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: new Uint8Array(8000).fill(i), nonce: 0 });
    }
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
    expect(stub!.stats().queuedMessages).toBe(1);
    expect((await b.client.expect('MessagePayload')).payload[0]).toBe(0);
    expect((await b.client.expect('MessagePayload', 3000)).payload[0]).toBe(1);
  });

  it('rejects a drop probability outside [0, 1]', async () => {
    await expect(startStub({ simulation: { dropProbability: 2 } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});
