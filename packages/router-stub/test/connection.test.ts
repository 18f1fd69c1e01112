import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { FrameDecoder, decodeMessage, encodeFrame, encodeMessage } from '@i2cp/codec';
import type { Frame, Message } from '@i2cp/codec';
import type { RouterStub, RouterStubOptions } from '../src/index.js';
import { RawClient, eventually, leaseSet2Message, newKeys, openCurrentSession, sessionConfig, startStub, withTimeout } from './helpers.js';

let stub: RouterStub | undefined;
const clients: RawClient[] = [];

async function start(options: RouterStubOptions = {}): Promise<RouterStub> {
  ({ stub } = await startStub(options));
  return stub;
}

async function client(dialect: '2003' | 'current', protocolByte = true): Promise<RawClient> {
  const c = await RawClient.tcp(stub!.address.port, dialect, { protocolByte });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stub?.close();
  stub = undefined;
});

function header(length: number, type: number): Uint8Array {
  const h = new Uint8Array(5);
  new DataView(h.buffer).setUint32(0, length);
  h[4] = type;
  return h;
}

describe('framing and limits (both dialects)', () => {
  for (const dialect of ['current', '2003'] as const) {
    it(`${dialect}: ends a connection announcing an oversize frame, and only that one`, async () => {
      await start({ limits: { maxFrameBytes: 1024 } });
      const healthy = await openCurrentSession(await client('current'));
      const bad = await client(dialect);
      bad.write(header(1025, 5));
      expect(await bad.expectDisconnect()).toMatch(/1025 bytes exceeds/);
      healthy.client.send({ type: 'GetBandwidthLimits' });
      await healthy.client.expect('BandwidthLimits');
      expect(stub!.stats().connections).toBe(1);
    });

    it(`${dialect}: survives a truncated frame followed by a close`, async () => {
      await start();
      const c = await client(dialect);
      c.write(header(100, 1));
      c.write(new Uint8Array(10));
      c.close();
      await c.closed;
      const healthy = await openCurrentSession(await client('current'));
      expect(healthy.sessionId).toBeGreaterThan(0);
    });

    it(`${dialect}: ends the connection on an unknown message type`, async () => {
      await start();
      const c = await client(dialect);
      c.write(encodeFrame(99, new Uint8Array(3)));
      expect(await c.expectDisconnect()).toMatch(/unsupported message type 99/);
    });

    it(`${dialect}: ends the connection on a malformed body`, async () => {
      await start();
      const c = await client(dialect);
      c.write(encodeFrame(1, Uint8Array.of(1, 2, 3)));
      expect(await c.expectDisconnect()).toMatch(/malformed CreateSession/);
      expect(stub!.stats().errors).toBe(1);
    });

    it(`${dialect}: ends the connection when a client sends a router-to-client message`, async () => {
      await start();
      const c = await client(dialect);
      c.send({ type: 'SessionStatus', sessionId: 1, status: 1 });
      expect(await c.expectDisconnect()).toMatch(/unexpected SessionStatus/);
    });
  }

  it('treats garbage first bytes as a 2003 stream and ends it with a Disconnect', async () => {
    await start();
    const c = await client('2003');
    c.write(Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff));
    expect(await c.expectDisconnect()).toMatch(/exceeds/);
  });

  it('ends a connection that sends nothing within the handshake timeout', async () => {
    await start({ limits: { handshakeTimeoutMs: 100 } });
    const c = await client('current', false);
    expect(await c.expectDisconnect(3000)).toMatch(/handshake timeout/);
  });

  it('ends a connection whose first message stays incomplete past the handshake timeout', async () => {
    await start({ limits: { handshakeTimeoutMs: 100 } });
    const c = await client('current');
    c.write(header(10, 32));
    expect(await c.expectDisconnect(3000)).toMatch(/handshake timeout/);
  });

  it('pinned to current, refuses a connection without the protocol byte', async () => {
    await start({ dialect: 'current' });
    const c = await client('current', false);
    c.send({ type: 'GetBandwidthLimits' });
    expect(await c.expectDisconnect()).toMatch(/protocol byte/);
  });

  it('pinned to 2003, reads a first byte 0x2a as the start of a frame length', async () => {
    await start({ dialect: '2003' });
    const c = await client('current');
    c.send({ type: 'GetBandwidthLimits' });
    expect(await c.expectDisconnect()).toMatch(/exceeds/);
  });

  it('keeps accepting while idle connections hold their handshake', async () => {
    await start();
    const idle = await Promise.all(Array.from({ length: 20 }, () => client('current', false)));
    expect(idle).toHaveLength(20);
    const c = await client('current');
    c.send({ type: 'GetDate', version: '0.9.67' });
    await c.expect('SetDate');
  });

  it('refuses connections beyond maxConnections without disturbing the others', async () => {
    await start({ limits: { maxConnections: 2 } });
    const a = await client('current');
    await client('current');
    const extra = await client('current');
    await withTimeout(extra.closed, 3000, 'the extra connection stays open');
    a.send({ type: 'GetDate', version: '0.9.67' });
    await a.expect('SetDate');
  });

  it('close() sends Disconnect to every client, closes every connection and resolves `closed`', async () => {
    const s = await start();
    const a = await client('current');
    const b = await client('2003');
    const memory = RawClient.memory(s, 'current');
    clients.push(memory);
    await openCurrentSession(memory);
    await s.close();
    expect(await a.expectDisconnect()).toBe('router shutting down');
    expect(await b.expectDisconnect()).toBe('router shutting down');
    expect(await memory.expectDisconnect()).toBe('router shutting down');
    expect(await s.closed).toBeUndefined();
    await expect(
      new Promise((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: s.address.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', reject);
      }),
    ).rejects.toThrow();
    expect(() => s.connectMemory()).toThrow(/closed/);
  });
});

describe('start failures', () => {
  it('rejects with IO when the port is taken, and with the handler error when the admin handler fails to attach', async () => {
    const first = await start();
    await expect(startStub({ port: first.address.port })).rejects.toMatchObject({ code: 'IO' });
    const admin = {
      attach: () => Promise.reject(new Error('no state directory')),
      handle: () => Promise.resolve({ kind: 'none' as const }),
      close: () => Promise.resolve(),
    };
    await expect(startStub({ admin })).rejects.toMatchObject({ code: 'BAD_CONFIG', message: /no state directory/ });
  });
});

describe('slow readers', () => {
  it('drops a connection that leaves more than maxOutputBytesPerConnection unread, and only that one', async () => {
    const { stub: s, logs } = await startStub({ limits: { maxOutputBytesPerConnection: 64 * 1024 } });
    stub = s;
    // A client that reads during its setup only, through a hand-driven memory transport.
    const transport = s.connectMemory();
    const reader = transport[Symbol.asyncIterator]();
    const decoder = new FrameDecoder();
    // A chunk may hold several frames (the stub coalesces its output): the ones not read yet wait here.
    const frames: Frame[] = [];
    const read = async <T extends Message['type']>(type: T): Promise<Extract<Message, { type: T }>> => {
      for (;;) {
        for (let frame = frames.shift(); frame !== undefined; frame = frames.shift()) {
          const m = decodeMessage(frame, 'current');
          if (m.type === type) return m as Extract<Message, { type: T }>;
        }
        const chunk = await reader.next();
        if (chunk.done === true) throw new Error('closed during setup');
        frames.push(...decoder.push(chunk.value));
      }
    };
    const keys = newKeys();
    await transport.write(Uint8Array.of(0x2a));
    await transport.write(encodeMessage({ type: 'GetDate', version: '0.9.67' }, 'current'));
    await transport.write(encodeMessage({ type: 'CreateSession', config: sessionConfig(keys, 'current', { 'i2cp.fastReceive': 'true' }) }, 'current'));
    const { sessionId } = await read('SessionStatus');
    const request = await read('RequestVariableLeaseSet');
    await transport.write(encodeMessage(leaseSet2Message(keys, sessionId, request.leases), 'current'));
    await transport.write(encodeMessage({ type: 'GetBandwidthLimits' }, 'current'));
    await read('BandwidthLimits');

    const sender = await openCurrentSession(await client('current'));
    for (let i = 0; i < 40; i++) {
      sender.client.send({ type: 'SendMessage', sessionId: sender.sessionId, destination: keys.destination, payload: new Uint8Array(8 * 1024), nonce: 0 });
    }
    await eventually(() => s.stats().sessions === 1);
    expect(logs.some((l) => l.msg === 'dropping slow reader')).toBe(true);
    expect(s.stats().errors).toBe(1);
    sender.client.send({ type: 'GetBandwidthLimits' });
    await sender.client.expect('BandwidthLimits');
  });
});
