// Lookups on routers older than I2CP 0.9.11, which have no HostLookup: hashes and .b32.i2p
// addresses go out as DestLookup (34) and DestReply (35) answers them; host names fail at once.
// Against the router stub announcing an old version in SetDate, and against a scripted router for
// the replies the stub never gives (an empty DestReply, replies out of order).
import { describe, expect, test } from 'vitest';
import { b32Address, bytesEqual, concatBytes, destinationHash, generateDestination } from '@i2cp/data';
import { FrameDecoder, decodeMessage, encodeMessage, type Message } from '@i2cp/codec';
import { connect, createTcpTransport, type Connection, type Session, type Transport } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { fakeTransport, until, type FakeTransport } from './helpers/fake-transport.js';
import { nextMessage, patterned } from './helpers/targets.js';

const { later, stubWith } = useCleanups();

/** A transport that keeps a copy of everything written through it. */
function recording(inner: Transport, written: Uint8Array[]): Transport {
  return {
    write(data) {
      written.push(data.slice());
      return inner.write(data);
    },
    writev(parts) {
      written.push(concatBytes(parts));
      return inner.writev === undefined ? inner.write(concatBytes(parts)) : inner.writev(parts);
    },
    close: () => inner.close(),
    [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
  };
}

/** The messages in what a current-dialect client wrote (the first byte is the protocol byte). */
function messagesIn(written: readonly Uint8Array[]): Message[] {
  const decoder = new FrameDecoder();
  return decoder.push(concatBytes(written).subarray(1)).map((f) => decodeMessage(f, 'current'));
}

async function openSession(port: number, written?: Uint8Array[]): Promise<{ connection: Connection; session: Session }> {
  const connection = await connect({
    transport: async (signal) => {
      const tcp = await createTcpTransport({ host: '127.0.0.1', port, signal });
      return written === undefined ? tcp : recording(tcp, written);
    },
    signal: AbortSignal.timeout(5000),
  });
  later(() => connection.close());
  const session = await connection.createSession({ keys: generateDestination(), options: { 'i2cp.leaseSetType': '1' }, signal: AbortSignal.timeout(5000) });
  return { connection, session };
}

describe('a router before 0.9.11 (the router stub announcing 0.9.10)', () => {
  test('hashes and b32 addresses resolve through DestLookup; unknown hashes and host names fail typed', async () => {
    const stub = await stubWith({ apiVersion: '0.9.10' });
    const known = await openSession(stub.address.port);
    const written: Uint8Array[] = [];
    const asker = await openSession(stub.address.port, written);
    expect(asker.connection.routerVersion).toBe('0.9.10');

    const byAddress = await asker.session.lookup(b32Address(known.session.destination), { signal: AbortSignal.timeout(5000) });
    expect(bytesEqual(byAddress.bytes, known.session.destination.bytes)).toBe(true);
    const unknown = destinationHash(generateDestination().destination);
    await expect(asker.session.lookup(unknown, { signal: AbortSignal.timeout(5000) })).rejects.toMatchObject({
      name: 'LookupError',
      code: 'LOOKUP_FAILED',
      resultCode: 1,
    });
    await expect(asker.session.lookup('named.i2p')).rejects.toMatchObject({
      name: 'LookupError',
      code: 'LOOKUP_FAILED',
      message: expect.stringContaining('predates HostLookup (0.9.11)') as unknown,
    });

    const lookups = messagesIn(written).filter((m) => m.type === 'DestLookup' || m.type === 'HostLookup');
    expect(lookups.map((m) => m.type)).toEqual(['DestLookup', 'DestLookup']);
    expect(lookups[0]?.type === 'DestLookup' && bytesEqual(lookups[0].hash, destinationHash(known.session.destination))).toBe(true);

    // A send to a b32 address is resolved the same way (and cached).
    const inbox = known.session.messages()[Symbol.asyncIterator]();
    expect(await asker.session.send(b32Address(known.session.destination), patterned(40), { signal: AbortSignal.timeout(5000) })).toMatchObject({ success: true });
    expect(bytesEqual((await nextMessage(inbox, 5000)).payload, patterned(40))).toBe(true);
  });

  test('a router announcing 0.9.11 or later gets HostLookup', async () => {
    const stub = await stubWith({ apiVersion: '0.9.11' });
    const known = await openSession(stub.address.port);
    const written: Uint8Array[] = [];
    const asker = await openSession(stub.address.port, written);
    await asker.session.lookup(destinationHash(known.session.destination), { signal: AbortSignal.timeout(5000) });
    expect(messagesIn(written).filter((m) => m.type === 'DestLookup' || m.type === 'HostLookup').map((m) => m.type)).toEqual(['HostLookup']);
  });
});

describe('DestReply matching (scripted router announcing 0.9.10)', () => {
  async function connected(): Promise<{ connection: Connection; transport: FakeTransport }> {
    const transport = fakeTransport();
    const connecting = connect({ transport });
    await until(() => (transport.written.length >= 2 ? true : undefined));
    transport.feed(encodeMessage({ type: 'SetDate', date: Date.now(), version: '0.9.10' }, 'current'));
    const connection = await connecting;
    later(async () => {
      transport.end();
      await connection.closed;
    });
    return { connection, transport };
  }

  async function withSession(connection: Connection, transport: FakeTransport): Promise<Session> {
    const creating = connection.createSession({ keys: generateDestination() });
    await until(() => messagesIn(transport.written).find((m) => m.type === 'CreateSession'));
    transport.feed(encodeMessage({ type: 'SessionStatus', sessionId: 1, status: 1 }, 'current'));
    transport.feed(encodeMessage({ type: 'RequestVariableLeaseSet', sessionId: 1, leases: [{ gateway: new Uint8Array(32), tunnelId: 1, endDate: Date.now() + 600_000 }] }, 'current'));
    return creating;
  }

  test('replies are matched by hash, in any order; a reply with the hash only is not found', async () => {
    const { connection, transport } = await connected();
    const session = await withSession(connection, transport);
    const first = generateDestination().destination;
    const second = generateDestination().destination;
    const a = session.lookup(destinationHash(first));
    const b = session.lookup(destinationHash(second));
    await until(() => (messagesIn(transport.written).filter((m) => m.type === 'DestLookup').length === 2 ? true : undefined));
    transport.feed(encodeMessage({ type: 'DestReply', hash: destinationHash(second) }, 'current'));
    transport.feed(encodeMessage({ type: 'DestReply', destination: first }, 'current'));
    expect(bytesEqual((await a).bytes, first.bytes)).toBe(true);
    await expect(b).rejects.toMatchObject({ name: 'LookupError', code: 'LOOKUP_FAILED', resultCode: 1 });
  });

  test('an empty DestReply (routers before 0.8.3) fails the oldest lookup still waiting', async () => {
    const { connection, transport } = await connected();
    const session = await withSession(connection, transport);
    const wanted = generateDestination().destination;
    const a = session.lookup(destinationHash(generateDestination().destination));
    const b = session.lookup(destinationHash(wanted));
    await until(() => (messagesIn(transport.written).filter((m) => m.type === 'DestLookup').length === 2 ? true : undefined));
    transport.feed(encodeMessage({ type: 'DestReply' }, 'current'));
    await expect(a).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    transport.feed(encodeMessage({ type: 'DestReply', destination: wanted }, 'current'));
    expect(bytesEqual((await b).bytes, wanted.bytes)).toBe(true);
  });

  test('a lookup given up on keeps its place, so an empty reply fails that one, not the next', async () => {
    const { connection, transport } = await connected();
    const session = await withSession(connection, transport);
    const controller = new AbortController();
    const wanted = generateDestination().destination;
    const abandoned = session.lookup(destinationHash(generateDestination().destination), { signal: controller.signal });
    const waiting = session.lookup(destinationHash(wanted));
    await until(() => (messagesIn(transport.written).filter((m) => m.type === 'DestLookup').length === 2 ? true : undefined));
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ code: 'ABORTED' });
    // The empty reply answers the abandoned lookup; were its place gone, it would fail the waiting one.
    transport.feed(encodeMessage({ type: 'DestReply' }, 'current'));
    transport.feed(encodeMessage({ type: 'DestReply', destination: wanted }, 'current'));
    expect(bytesEqual((await waiting).bytes, wanted.bytes)).toBe(true);
  });
});
