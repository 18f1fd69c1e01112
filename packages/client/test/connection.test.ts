// Connection-level behaviour on the router stub and on hand-made misbehaving servers (loopback only).
import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { bytesEqual, generateDestination } from '@i2cp/data';
import type { RouterStub } from '@i2cp/router-stub';
import { connect, createTcpTransport, Protocol, type Connection, type ConnectOptions, type Session, type SessionKeys } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage, patterned } from './helpers/targets.js';

const { later, stubWith } = useCleanups();

async function connected(stub: RouterStub, extra: Partial<ConnectOptions> = {}): Promise<Connection> {
  const connection = await connect({ host: stub.address.host, port: stub.address.port, signal: AbortSignal.timeout(5000), ...extra });
  later(() => connection.close());
  return connection;
}

const primaryKeys = new WeakMap<Connection, SessionKeys>();

/** A session on `connection`; in the current dialect later ones are subsessions with the first one's public key. */
async function session(connection: Connection, options: Record<string, string> = {}): Promise<Session> {
  const primary = primaryKeys.get(connection);
  const keys =
    connection.dialect === '2003'
      ? generateDestination({ sigType: 0 })
      : primary === undefined
        ? generateDestination()
        : generateDestination({ subsessionOf: primary });
  if (primary === undefined) primaryKeys.set(connection, keys);
  return connection.createSession({ keys, options, signal: AbortSignal.timeout(5000) });
}

/** A TCP server that does whatever `onSocket` says; closed after the test. */
async function rawServer(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  later(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('connecting', () => {
  test('a closed port is CONNECTION_FAILED', async () => {
    const port = await rawServer((s) => s.destroy());
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    expect(port).not.toBe(closedPort);
    await expect(connect({ port: closedPort })).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });

  test('an aborted signal is ABORTED, a timed-out one TIMEOUT', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(connect({ port: 1, signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    const silent = await rawServer(() => undefined);
    await expect(connect({ port: silent, signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  test('a server that never answers GetDate is HANDSHAKE_FAILED after handshakeTimeoutMs', async () => {
    const port = await rawServer(() => undefined);
    await expect(connect({ port, handshakeTimeoutMs: 100 })).rejects.toMatchObject({ code: 'HANDSHAKE_FAILED' });
  });

  test('bad bytes from the server fail the connection with the decoding error as cause, never a crash', async () => {
    // A frame header announcing a 16 MiB body: refused before anything is buffered.
    const port = await rawServer((s) => s.write(Uint8Array.of(0x01, 0x00, 0x00, 0x00, 33)));
    const failure = await connect({ port, handshakeTimeoutMs: 5000 }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'DISCONNECTED', cause: { code: 'FRAME_TOO_LARGE' } });
  });

  test('a fixed Transport is used as given (here the stub\'s in-memory pair)', async () => {
    const stub = await stubWith();
    const connection = await connect({ transport: stub.connectMemory() });
    later(() => connection.close());
    const s = await session(connection);
    expect(s.state).toBe('open');
  });

  test('createTcpTransport validates its port at once', () => {
    expect(() => createTcpTransport({ host: '127.0.0.1', port: 0 })).toThrow(RangeError);
  });
});

describe('authentication (current dialect)', () => {
  test('right credentials open sessions; wrong ones are AUTH_FAILED', async () => {
    const stub = await stubWith({ auth: { username: 'alice', password: 'secret' } });
    const good = await connected(stub, { username: 'alice', password: 'secret' });
    expect((await session(good)).state).toBe('open');
    await expect(connect({ port: stub.address.port, username: 'alice', password: 'wrong' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });
});

describe('subsessions (current dialect)', () => {
  test("a later session needs the first one's public key: refused before sending, the first session keeps working", async () => {
    const stub = await stubWith();
    const connection = await connected(stub);
    const first = await session(connection);
    const other = connection.createSession({ keys: generateDestination(), signal: AbortSignal.timeout(5000) });
    await expect(other).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringMatching(/subsessionOf/) });
    expect(connection.sessions).toEqual([first]);
    const sub = await session(connection);
    const result = await first.send(sub.destination, Uint8Array.of(1), { signal: AbortSignal.timeout(5000) });
    expect(result).toMatchObject({ success: true });
    expect(stub.stats().sessions).toBe(2);
  });
});

/** A router stub, a connection to it, its primary session and one subsession. */
async function primaryWithSubsession(): Promise<{ stub: RouterStub; connection: Connection; primary: Session; sub: Session }> {
  const stub = await stubWith();
  const connection = await connected(stub);
  const primary = await session(connection);
  return { stub, connection, primary, sub: await session(connection) };
}

describe('closing sessions (current dialect, as Java routers do)', () => {
  test('closing a subsession ends it alone (the router sends no reply); the primary keeps working', async () => {
    const { stub, connection, primary, sub } = await primaryWithSubsession();
    const third = await session(connection);
    await sub.close();
    expect(sub.state).toBe('closed');
    expect(await sub.closed).toBeUndefined();
    expect(connection.sessions).toEqual([primary, third]);
    // A reply on the same connection proves the DestroySession was read before it.
    await primary.reconfigure({}, { signal: AbortSignal.timeout(5000) });
    expect(stub.stats().sessions).toBe(2);
    expect(await primary.send(third.destination, Uint8Array.of(1), { signal: AbortSignal.timeout(5000) })).toMatchObject({ success: true });
    expect(connection.state).toBe('open');
  });

  test('closing the primary ends its subsessions: iterators end, pending and later sends are SESSION_CLOSED; then the router closes the connection', async () => {
    const { stub, connection, primary, sub } = await primaryWithSubsession();
    const received = (async () => {
      const got: unknown[] = [];
      for await (const m of sub.messages()) got.push(m);
      return got;
    })();
    const pending = sub.send(primary.destination, Uint8Array.of(2));
    const closing = primary.close();
    await expect(pending).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    expect(await received).toEqual([]);
    expect(sub.state).toBe('closed');
    expect(await sub.closed).toBeUndefined();
    await expect(sub.send(primary.destination, Uint8Array.of(3))).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    await closing;
    expect(primary.state).toBe('closed');
    // No session left: the router closes the socket, which ends the connection cleanly (as after i2pd's last session).
    expect(await connection.closed).toBeUndefined();
    expect(connection.state).toBe('closed');
    expect(stub.stats().sessions).toBe(0);
  });

  test('close() of a connection with subsessions ends everything cleanly', async () => {
    const { stub, connection, primary, sub } = await primaryWithSubsession();
    await connection.close();
    expect([primary.state, sub.state, connection.state]).toEqual(['closed', 'closed', 'closed']);
    expect(await connection.closed).toBeUndefined();
    expect(stub.stats().sessions).toBe(0);
  });

  test('a session beyond the router limit is SESSION_REFUSED with the router reason; the router ends the connection', async () => {
    const stub = await stubWith({ limits: { maxSessionsPerConnection: 1 } });
    const connection = await connected(stub);
    const first = await session(connection);
    const refused = session(connection);
    await expect(refused).rejects.toMatchObject({
      code: 'SESSION_REFUSED',
      message: 'the router refused the session: CreateSession refused: session limit exceeded: a connection may have 1 sessions',
    });
    expect(await first.closed).toMatchObject({ code: 'DISCONNECTED', message: expect.stringMatching(/session limit exceeded/) });
    expect(await connection.closed).toMatchObject({ code: 'DISCONNECTED' });
  });
});

describe('messages()', () => {
  test('filters by protocol and port; unmatched messages wait for a later consumer', async () => {
    const stub = await stubWith();
    const connection = await connected(stub);
    const b = await session(connection);
    const a = await session(connection);
    const port7 = b.messages({ port: 7 })[Symbol.asyncIterator]();
    await a.send(b.destination, patterned(5, 1), { toPort: 9, protocol: Protocol.Streaming });
    await a.send(b.destination, patterned(5, 2), { toPort: 7 });
    const first = await nextMessage(port7);
    expect(first).toMatchObject({ toPort: 7, protocol: Protocol.RawDatagram });
    expect(bytesEqual(first.payload, patterned(5, 2))).toBe(true);
    const streaming = await nextMessage(b.messages({ protocol: Protocol.Streaming })[Symbol.asyncIterator]());
    expect(streaming).toMatchObject({ toPort: 9, protocol: Protocol.Streaming });
  });

  test('a full buffer drops the oldest message and counts it', async () => {
    const stub = await stubWith();
    const connection = await connected(stub);
    const b = await session(connection);
    const a = await session(connection);
    const inbox = b.messages({ bufferSize: 2 })[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i++) await a.send(b.destination, patterned(8, i));
    // The last status came after the last delivery to b (same connection, in order).
    expect(b.droppedMessages).toBe(3);
    expect(bytesEqual((await nextMessage(inbox)).payload, patterned(8, 3))).toBe(true);
    expect(bytesEqual((await nextMessage(inbox)).payload, patterned(8, 4))).toBe(true);
  });

  test('bad filters and sizes are rejected at once', async () => {
    const stub = await stubWith();
    const s = await session(await connected(stub));
    expect(() => s.messages({ port: 70_000 })).toThrow(RangeError);
    expect(() => s.messages({ protocol: -1 })).toThrow(RangeError);
    expect(() => s.messages({ bufferSize: 0 })).toThrow(RangeError);
    await expect(s.send(s.destination, patterned(1), { fromPort: 65_536 })).rejects.toThrow(RangeError);
    await expect(s.send(s.destination, patterned(40_961))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  test('an aborted iteration ends with ABORTED', async () => {
    const stub = await stubWith();
    const s = await session(await connected(stub));
    const controller = new AbortController();
    const it = s.messages({ signal: controller.signal })[Symbol.asyncIterator]();
    const waiting = it.next();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('send options', () => {
  test('an expiration in the past gets MessageExpired; one in the future is delivered', async () => {
    const stub = await stubWith();
    const connection = await connected(stub);
    const b = await session(connection);
    const a = await session(connection);
    expect(await a.send(b.destination, patterned(3), { expires: Date.now() - 60_000 })).toMatchObject({ status: 14, name: 'MessageExpired', success: false });
    expect(await a.send(b.destination, patterned(3), { expires: new Date(Date.now() + 60_000) })).toMatchObject({ success: true });
  });

  test('2003 has no expiration: asking for one is BAD_ARGUMENT', async () => {
    const stub = await stubWith();
    const s = await session(await connected(stub, { dialect: '2003' }));
    await expect(s.send(s.destination, patterned(3), { expires: Date.now() + 60_000 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  test('host names configured at the router resolve (i2cp.stub.hostname)', async () => {
    const stub = await stubWith();
    const connection = await connected(stub);
    const named = await session(connection, { 'i2cp.stub.hostname': 'named.i2p' });
    const asker = await session(connection);
    expect(bytesEqual((await asker.lookup('named.i2p')).bytes, named.destination.bytes)).toBe(true);
    expect(await asker.send('named.i2p', patterned(2))).toMatchObject({ success: true });
  });
});

describe('2003 delivery status', () => {
  test('Guaranteed: success (4) once the recipient has fetched the message and its application is done with it', async () => {
    const stub = await stubWith();
    const connection = await connected(stub, { dialect: '2003' });
    const b = await session(connection);
    const a = await session(connection, { 'i2cp.messageReliability': 'Guaranteed' });
    const inbox = b.messages()[Symbol.asyncIterator]();
    const sent = a.send(b.destination, patterned(20));
    expect(bytesEqual((await nextMessage(inbox)).payload, patterned(20))).toBe(true);
    // Asking for the next message says the application is done with this one: it is ended then
    // (test/resume-2003.test.ts shows it is not ended before).
    inbox.next().catch(() => undefined);
    expect(await sent).toMatchObject({ status: 4, name: 'GuaranteedSuccess', success: true, final: true });
  });
});

describe('ReportAbuse and Disconnect, both ways', () => {
  test('2003: the router reports a flood to the recipient; the client reports abuse to the router', async () => {
    const stub = await stubWith({ limits: { floodMessagesPerSecond: 2 } });
    const connection = await connected(stub, { dialect: '2003' });
    const b = await session(connection);
    const a = await session(connection);
    const reports = b.abuseReports()[Symbol.asyncIterator]();
    for (let i = 0; i < 4; i++) await a.send(b.destination, patterned(4, i));
    const report = await nextMessage(reports);
    expect(report.reason).toMatch(/flood/);
    expect(report.severity).toBeGreaterThan(0);
    await b.reportAbuse({ severity: 200, reason: 'spam', messageId: 0 });
    // A reply on the same connection proves the report was read before it.
    await b.reconfigure({});
    expect(stub.stats().abuseReports).toBe(1);
  });

  test('close() tells the router why in a Disconnect', async () => {
    const records: { msg: string; reason?: unknown }[] = [];
    const capture = (msg: string, fields?: Readonly<Record<string, unknown>>): void => {
      records.push({ msg, reason: fields?.['reason'] });
    };
    const stub = await stubWith({ logger: { debug: capture, info: capture, warn: capture, error: capture } });
    const connection = await connected(stub);
    // Without sessions: a router closes the connection itself once the last session is destroyed (Java, the stub).
    await connection.close({ reason: 'bye for now' });
    await stub.close();
    expect(records).toContainEqual({ msg: 'client disconnected', reason: 'bye for now' });
  });
});
