// What happens when the router goes away: killed mid-send, shut down, gone for good, back again.
// Routers and proxies are private to each test and stopped after it; every wait is bounded.
import { describe, expect, test } from 'vitest';
import { I2cpError, bytesEqual, isI2cpError, type Dialect } from '@i2cp/data';
import type { RouterStub } from '@i2cp/router-stub';
import { connect, type Connection, type ConnectOptions, type Session, type Transport } from '../src/index.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage, patterned, stubTarget } from './helpers/targets.js';

const FAST_RECONNECT = { initialDelayMs: 10, maxDelayMs: 50 } as const;

const { later, stubWith } = useCleanups();

async function proxyTo(stub: RouterStub): Promise<TcpProxy> {
  const proxy = await startTcpProxy(stub.address);
  later(() => proxy.close());
  return proxy;
}

async function open(dialect: Dialect, port: number, extra: Partial<ConnectOptions> = {}): Promise<{ connection: Connection; session: Session }> {
  const connection = await connect({ host: '127.0.0.1', port, dialect, signal: AbortSignal.timeout(5000), ...extra });
  later(() => connection.close());
  const keys = stubTarget(dialect, 'tcp', () => {
    throw new Error('unused');
  }).keys();
  const session = await connection.createSession({ keys, signal: AbortSignal.timeout(5000) });
  return { connection, session };
}

/** Settles every promise or fails the test after `ms`: the point is that nothing hangs. */
async function settleWithin<T>(promises: readonly Promise<T>[], ms = 5000): Promise<PromiseSettledResult<T>[]> {
  return Promise.race([
    Promise.allSettled(promises),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms).unref()),
  ]);
}

function expectTypedRejections(results: readonly PromiseSettledResult<unknown>[], codes: readonly string[]): number {
  let rejected = 0;
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    rejected++;
    expect(isI2cpError(r.reason)).toBe(true);
    expect(codes).toContain((r.reason as { code: string }).code);
  }
  return rejected;
}

describe.each(['current', '2003'] as const)('router killed (%s)', (dialect) => {
  test('mid-send: every pending promise settles with a typed error, iterators and closed report the cause', async () => {
    // Latency keeps the final statuses outstanding when the link dies.
    const stub = await stubWith({ simulation: { latencyMs: 2000 } });
    const proxy = await proxyTo(stub);
    const recipient = await open(dialect, stub.address.port);
    const sender = await open(dialect, proxy.port);
    // Its end is captured at once: it comes while the test still waits for other things.
    const iterationEnd = (async () => {
      for await (const m of sender.session.messages()) expect(m).toBeDefined();
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    const sends = Array.from({ length: 20 }, (_, i) => sender.session.send(recipient.session.destination, patterned(1000, i)));
    const more = dialect === 'current' ? [sender.connection.bandwidthLimits(), sender.session.lookup('somewhere.i2p')] : [];
    proxy.killAll();
    const results = await settleWithin<unknown>([...sends, ...more]);
    expect(expectTypedRejections(results, ['DISCONNECTED', 'SESSION_CLOSED', 'CLOSED'])).toBe(results.length);
    const closed = await sender.connection.closed;
    expect(closed).toMatchObject({ code: 'DISCONNECTED' });
    await expect(sender.session.closed).resolves.toMatchObject({ code: 'DISCONNECTED' });
    await expect(iterationEnd).resolves.toMatchObject({ code: 'DISCONNECTED' });
    await expect(sender.session.send(recipient.session.destination, patterned(1))).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    await expect(sender.connection.createSession({ keys: stubTarget(dialect, 'tcp', () => stub).keys() })).rejects.toMatchObject({ code: 'CLOSED' });
  });

  test('shut down: the Disconnect reason reaches closed, pending calls settle, no reconnect without "restart"', async () => {
    const stub = await stubWith({ simulation: { latencyMs: 2000 } });
    const recipient = await open(dialect, stub.address.port);
    const sender = await open(dialect, stub.address.port, { autoReconnect: FAST_RECONNECT });
    const sends = Array.from({ length: 5 }, (_, i) => sender.session.send(recipient.session.destination, patterned(10, i)));
    const settled = settleWithin(sends);
    await stub.close();
    const results = await settled;
    expectTypedRejections(results, ['DISCONNECTED', 'SESSION_CLOSED']);
    const closed = await sender.connection.closed;
    expect(closed?.code).toBe('DISCONNECTED');
    expect(closed?.message).toMatch(/router shutting down/);
    expect(sender.connection.state).toBe('closed');
  });

  test('gone for good: reconnecting gives up after maxAttempts; waiting sends settle', async () => {
    const stub = await stubWith();
    const proxy = await proxyTo(stub);
    const { connection, session } = await open(dialect, proxy.port, { autoReconnect: { ...FAST_RECONNECT, maxAttempts: 3 } });
    proxy.setAccepting(false);
    proxy.killAll();
    const waiting = session.send(session.destination, patterned(5));
    const [closed, sent] = await settleWithin<unknown>([connection.closed, waiting]);
    expect(closed).toMatchObject({ status: 'fulfilled', value: { code: 'CONNECTION_FAILED' } });
    // Written before the drop was noticed (its status is lost: DISCONNECTED) or waiting for the session (SESSION_CLOSED).
    expectTypedRejections([sent!], ['DISCONNECTED', 'SESSION_CLOSED']);
    await expect(session.closed).resolves.toMatchObject({ code: 'CONNECTION_FAILED' });
  });
});

describe('reconnect', () => {
  test('current: the session is recreated; sends in flight fail typed; later sends and the same iterator work', async () => {
    const stub = await stubWith({ simulation: { latencyMs: 300 } });
    const proxy = await proxyTo(stub);
    const a = await open('current', stub.address.port);
    const b = await open('current', proxy.port, { autoReconnect: FAST_RECONNECT });
    const inbox = b.session.messages()[Symbol.asyncIterator]();
    const inFlight = b.session.send(a.session.destination, patterned(10));
    proxy.killAll();
    await expect(inFlight).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(['suspended', 'open']).toContain(b.session.state);
    // send() waits for the session to be back; sent from b, it also proves b's lease set is in.
    const aInbox = a.session.messages()[Symbol.asyncIterator]();
    const back = await b.session.send(a.session.destination, patterned(20), { signal: AbortSignal.timeout(5000) });
    expect(back.success).toBe(true);
    expect(bytesEqual((await nextMessage(aInbox)).payload, patterned(20))).toBe(true);
    expect(b.connection.state).toBe('open');
    expect(b.session.state).toBe('open');
    const again = await a.session.send(b.session.destination, patterned(30), { signal: AbortSignal.timeout(5000) });
    expect(again.success).toBe(true);
    expect(bytesEqual((await nextMessage(inbox)).payload, patterned(30))).toBe(true);
  });

  test('2003: the session resumes with the same id and nothing sent meanwhile is lost', async () => {
    const stub = await stubWith();
    const proxy = await proxyTo(stub);
    const a = await open('2003', stub.address.port);
    const b = await open('2003', proxy.port, { autoReconnect: FAST_RECONNECT });
    const id = b.session.id;
    const inbox = b.session.messages()[Symbol.asyncIterator]();
    // b's lease set went through the proxy before b's own send: once a has that message, b is reachable.
    const aInbox = a.session.messages()[Symbol.asyncIterator]();
    await b.session.send(a.session.destination, patterned(3), { signal: AbortSignal.timeout(5000) });
    expect(bytesEqual((await nextMessage(aInbox)).payload, patterned(3))).toBe(true);
    proxy.setAccepting(false);
    proxy.killAll();
    const payloads = Array.from({ length: 8 }, (_, i) => patterned(500 + i, i));
    for (const p of payloads) {
      const r = await a.session.send(b.session.destination, p, { signal: AbortSignal.timeout(5000) });
      // The router holds them for the detached session.
      expect(r).toMatchObject({ success: true });
    }
    expect(b.session.state).toBe('suspended');
    proxy.setAccepting(true);
    for (const p of payloads) expect(bytesEqual((await nextMessage(inbox)).payload, p)).toBe(true);
    expect(b.session.id).toBe(id);
    expect(b.session.state).toBe('open');
    const reply = await b.session.send(a.session.destination, patterned(7), { signal: AbortSignal.timeout(5000) });
    expect(reply.success).toBe(true);
  });
});

describe('2003 session timed out at the router', () => {
  test('the client makes a new session for the same Destination and carries on', async () => {
    const stub = await stubWith({ sessionTimeoutMs: 100 });
    const proxy = await proxyTo(stub);
    const a = await open('2003', stub.address.port);
    const b = await open('2003', proxy.port, { autoReconnect: FAST_RECONNECT });
    const inbox = b.session.messages()[Symbol.asyncIterator]();
    proxy.setAccepting(false);
    proxy.killAll();
    // Wait (bounded) until the router has forgotten b's session.
    for (let i = 0; stub.stats().sessions > 1; i++) {
      if (i > 250) throw new Error('the router kept the session');
      await new Promise((r) => setTimeout(r, 20));
    }
    proxy.setAccepting(true);
    const aInbox = a.session.messages()[Symbol.asyncIterator]();
    // b's send waits for the new session; on b's own link it follows b's new lease set.
    expect((await b.session.send(a.session.destination, patterned(6), { signal: AbortSignal.timeout(5000) })).success).toBe(true);
    expect(bytesEqual((await nextMessage(aInbox)).payload, patterned(6))).toBe(true);
    expect((await a.session.send(b.session.destination, patterned(7), { signal: AbortSignal.timeout(5000) })).success).toBe(true);
    expect(bytesEqual((await nextMessage(inbox)).payload, patterned(7))).toBe(true);
    expect(b.session.state).toBe('open');
  });
});

describe('reconnect through a transport factory', () => {
  test('a dropped in-memory transport is replaced by a fresh one and the session comes back', async () => {
    const stub = await stubWith();
    const made: KillableTransport[] = [];
    let reconnecting!: () => void;
    const secondTransport = new Promise<void>((resolve) => {
      reconnecting = resolve;
    });
    const connection = await connect({
      transport: () => {
        const t = killable(stub.connectMemory());
        if (made.push(t) === 2) reconnecting();
        return t;
      },
      autoReconnect: FAST_RECONNECT,
    });
    later(() => connection.close());
    const keys = stubTarget('current', 'memory', () => stub).keys();
    const session = await connection.createSession({ keys, signal: AbortSignal.timeout(5000) });
    const firstId = session.id;
    made[0]!.kill();
    await secondTransport;
    expect(session.state).toBe('suspended');
    // The send waits for the recreated session, then goes out on the second transport.
    const result = await session.send(session.destination, patterned(4), { signal: AbortSignal.timeout(5000) });
    // The stub refuses sending to oneself (LoopbackDenied): a final status proves the link works.
    expect(result).toMatchObject({ status: 23, final: true });
    expect(made).toHaveLength(2);
    expect(session.state).toBe('open');
    expect(session.id).toBeGreaterThanOrEqual(0);
    expect(firstId).toBeGreaterThanOrEqual(0);
  });
});

interface KillableTransport extends Transport {
  kill(): void;
}

/** Wraps a transport so the test can make it fail like a reset socket. */
function killable(inner: Transport): KillableTransport {
  let killed: (() => void) | undefined;
  const dead = new Promise<void>((resolve) => {
    killed = resolve;
  });
  return {
    write: (data) => inner.write(data),
    close: () => inner.close(),
    kill() {
      killed?.();
      void inner.close();
    },
    async *[Symbol.asyncIterator]() {
      const it = inner[Symbol.asyncIterator]();
      for (;;) {
        const next = await Promise.race([it.next(), dead.then(() => 'killed' as const)]);
        if (next === 'killed') throw new I2cpError('DISCONNECTED', 'transport killed by the test');
        if (next.done === true) return;
        yield next.value;
      }
    },
  };
}
