/**
 * Bounded soak: hundreds of connections send garbage (random bytes, oversize frames, malformed
 * bodies, half frames, silence) while two current sessions exchange thousands of messages and a
 * 2003 pair runs the slow Begin/End path. Everything sent must arrive exactly once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { encodeFrame } from '@i2cp/codec';
import type { RouterStub } from '../src/index.js';
import { seededBytes } from './garbage.js';
import { RawClient, eventually, open2003Session, openCurrentSession, startStub, withTimeout } from './helpers.js';
import type { TestSession } from './helpers.js';

const GARBAGE_CONNECTIONS = 300;
const CURRENT_MESSAGES = 3000;
const MESSAGES_2003 = 300;

let stub: RouterStub;
const clients: RawClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  ({ stub } = await startStub({ limits: { handshakeTimeoutMs: 2000 } }));
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of sockets) s.destroy();
  await stub.close();
});

function garbageConnection(i: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: stub.address.port, noDelay: true });
    sockets.push(socket);
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.on('data', () => undefined);
    socket.on('connect', () => {
      switch (i % 6) {
        case 0:
          socket.write(seededBytes(i, 200));
          break;
        case 1:
          socket.write(Uint8Array.of(0x2a));
          socket.write(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 5));
          break;
        case 2:
          socket.write(Uint8Array.of(0x2a));
          socket.write(encodeFrame(5, seededBytes(i, 50)));
          break;
        case 3:
          socket.write(encodeFrame(1 + (i % 40), seededBytes(i, 30)));
          break;
        case 4:
          socket.write(Uint8Array.of(0x2a, 0, 0, 1));
          setTimeout(() => socket.destroy(), 50);
          break;
        default:
          // Silent: the handshake timeout ends it.
          break;
      }
    });
  });
}

async function collect(client: RawClient, count: number): Promise<Set<number>> {
  const seen = new Set<number>();
  while (seen.size < count) {
    const m = await client.expect('MessagePayload', 10_000);
    const n = new DataView(m.payload.buffer, m.payload.byteOffset).getUint32(0);
    if (seen.has(n)) throw new Error(`message ${n} delivered twice`);
    seen.add(n);
  }
  return seen;
}

function numbered(n: number, size: number): Uint8Array {
  const p = new Uint8Array(size);
  new DataView(p.buffer).setUint32(0, n);
  return p;
}

async function exchange2003(a: TestSession, b: TestSession): Promise<void> {
  for (let i = 0; i < MESSAGES_2003; i++) {
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: numbered(i, 64) });
  }
  const seen = new Set<number>();
  while (seen.size < MESSAGES_2003) {
    const m = await b.client.next(10_000);
    if (m.type === 'MessageStatus' && m.status === 0) {
      b.client.send({ type: 'ReceiveMessageBegin', sessionId: b.sessionId, messageId: m.messageId });
    } else if (m.type === 'MessagePayload') {
      const n = new DataView(m.payload.buffer, m.payload.byteOffset).getUint32(0);
      if (seen.has(n)) throw new Error(`2003 message ${n} delivered twice`);
      seen.add(n);
      b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: m.messageId });
    }
  }
}

it(
  'delivers every message exactly once while hundreds of connections send garbage',
  async () => {
    const c1 = await RawClient.tcp(stub.address.port, 'current');
    const c2 = await RawClient.tcp(stub.address.port, 'current');
    const d1 = await RawClient.tcp(stub.address.port, '2003');
    const d2 = await RawClient.tcp(stub.address.port, '2003');
    clients.push(c1, c2, d1, d2);
    const options = { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' };
    const a = await openCurrentSession(c1, options);
    const b = await openCurrentSession(c2, options);
    const x = await open2003Session(d1);
    const y = await open2003Session(d2);

    const garbage = Promise.all(Array.from({ length: GARBAGE_CONNECTIONS }, (_, i) => garbageConnection(i)));
    const toB = collect(b.client, CURRENT_MESSAGES);
    const toA = collect(a.client, CURRENT_MESSAGES);
    for (let i = 0; i < CURRENT_MESSAGES; i++) {
      a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: numbered(i, 512), nonce: 0 });
      b.client.send({ type: 'SendMessage', sessionId: b.sessionId, destination: a.keys.destination, payload: numbered(i, 512), nonce: 0 });
      if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const [gotB, gotA] = await withTimeout(Promise.all([toB, toA, exchange2003(x, y)]), 30_000, 'the exchange did not finish');
    expect(gotB.size).toBe(CURRENT_MESSAGES);
    expect(gotA.size).toBe(CURRENT_MESSAGES);
    await withTimeout(garbage, 10_000, 'garbage connections were not all closed');

    // The client side of a garbage connection may see its close a moment before the router does.
    await eventually(() => stub.stats().connections === 4, 5000);
    const stats = stub.stats();
    expect(stats.delivered).toBe(2 * CURRENT_MESSAGES + MESSAGES_2003);
    expect(stats.dropped).toBe(0);
    expect(stats.errors).toBeGreaterThan(0);
    expect(stats.connections).toBe(4);
    expect(stats.sessions).toBe(4);
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
  },
  60_000,
);
