// What the client puts on the wire, read back with the codec from a scripted router (no network).
import { describe, expect, test } from 'vitest';
import { generateDestination, randomBytes, verifyLeaseSet2, verifyLeaseSet2003, verifySessionConfig, type Dialect } from '@i2cp/data';
import { FrameDecoder, PROTOCOL_BYTE, decodeMessage, encodeMessage, type Message } from '@i2cp/codec';
import { CLIENT_VERSION, connect } from '../src/index.js';
import { fakeTransport, until, type FakeTransport } from './helpers/fake-transport.js';

/** Everything the client wrote so far, as messages (after the protocol byte, if any). */
function sent(transport: FakeTransport, dialect: Dialect): Message[] {
  const decoder = new FrameDecoder();
  const chunks = dialect === 'current' ? transport.written.slice(1) : transport.written;
  return chunks.flatMap((c) => decoder.push(c)).map((f) => decodeMessage(f, dialect));
}

const ROUTER_AHEAD_MS = 10 * 60_000;

describe('current dialect on the wire', () => {
  test('protocol byte, GetDate with auth, SessionConfig on the router clock, LS2 answer, status by nonce', async () => {
    const transport = fakeTransport();
    const connecting = connect({ transport, username: 'u', password: 'p' });
    const [first] = await until(() => (transport.written.length >= 2 ? transport.written : undefined));
    expect(first).toEqual(Uint8Array.of(PROTOCOL_BYTE));
    const getDate = sent(transport, 'current')[0];
    expect(getDate).toMatchObject({ type: 'GetDate', version: CLIENT_VERSION });
    expect(getDate?.type === 'GetDate' && Object.fromEntries(getDate.options ?? [])).toEqual({ 'i2cp.username': 'u', 'i2cp.password': 'p' });
    const routerNow = Date.now() + ROUTER_AHEAD_MS;
    transport.feed(encodeMessage({ type: 'SetDate', date: routerNow, version: '0.9.67' }, 'current'));
    const connection = await connecting;
    expect(connection.clockOffsetMs).toBeGreaterThan(ROUTER_AHEAD_MS - 60_000);

    const keys = generateDestination();
    const creating = connection.createSession({ keys, options: { 'inbound.length': '0' } });
    const create = await until(() => sent(transport, 'current').find((m) => m.type === 'CreateSession'));
    const { config } = create;
    expect(verifySessionConfig(config, 'current')).toBe(true);
    // Dated on the router's clock, not ours (Java refuses more than 3 minutes of skew).
    expect(Math.abs((config.date ?? 0) - routerNow)).toBeLessThan(60_000);
    expect(Object.fromEntries(config.options)).toEqual({
      'inbound.length': '0',
      'i2cp.fastReceive': 'true',
      'i2cp.leaseSetType': '3',
      'i2cp.leaseSetEncType': '4,0',
    });

    transport.feed(encodeMessage({ type: 'SessionStatus', sessionId: 5, status: 1 }, 'current'));
    const endDate = routerNow + 600_000;
    transport.feed(encodeMessage({ type: 'RequestVariableLeaseSet', sessionId: 5, leases: [{ gateway: randomBytes(32), tunnelId: 9, endDate }] }, 'current'));
    const session = await creating;
    const cls = sent(transport, 'current').find((m) => m.type === 'CreateLeaseSet2');
    if (cls?.type !== 'CreateLeaseSet2' || cls.store.storeType !== 3) throw new Error('expected CreateLeaseSet2 with an LS2');
    const ls = cls.store.leaseSet;
    expect(cls.sessionId).toBe(5);
    expect(verifyLeaseSet2(ls)).toBe(true);
    expect(ls.leases).toEqual([expect.objectContaining({ tunnelId: 9, endSeconds: Math.floor(endDate / 1000) })]);
    expect(Math.abs(ls.publishedSeconds - routerNow / 1000)).toBeLessThan(60);
    expect(cls.privateKeys.map((k) => k.encType)).toEqual([4, 0]);

    // i2pd reports "accepted" and the final status under different message ids: the nonce decides.
    const sending = session.send(generateDestination().destination, Uint8Array.of(1, 2, 3));
    const sendMessage = await until(() => sent(transport, 'current').find((m) => m.type === 'SendMessage'));
    const nonce = sendMessage.nonce ?? 0;
    expect(nonce).toBeGreaterThan(0);
    // Written in parts (header, payload, nonce): together exactly the frame encodeMessage makes.
    expect(transport.written).toContainEqual(encodeMessage(sendMessage, 'current'));
    transport.feed(encodeMessage({ type: 'MessageStatus', sessionId: 5, messageId: 100, status: 1, size: 0, nonce }, 'current'));
    transport.feed(encodeMessage({ type: 'MessageStatus', sessionId: 5, messageId: 200, status: 4, size: 0, nonce: nonce + 1 }, 'current'));
    transport.feed(encodeMessage({ type: 'MessageStatus', sessionId: 5, messageId: 101, status: 21, size: 0, nonce }, 'current'));
    expect(await sending).toEqual({ status: 21, name: 'NoLeaseSet', success: false, final: true, messageId: 101 });
    transport.end();
    await connection.closed;
  });
});

describe('router-initiated changes (current)', () => {
  test('an unsolicited SetDate moves the clock offset', async () => {
    const transport = fakeTransport();
    const connecting = connect({ transport });
    transport.feed(encodeMessage({ type: 'SetDate', date: Date.now(), version: '0.9.67' }, 'current'));
    const connection = await connecting;
    expect(Math.abs(connection.clockOffsetMs)).toBeLessThan(60_000);
    transport.feed(encodeMessage({ type: 'SetDate', date: Date.now() + ROUTER_AHEAD_MS }, 'current'));
    await until(() => (connection.clockOffsetMs > ROUTER_AHEAD_MS - 60_000 ? true : undefined));
    transport.end();
    await connection.closed;
  });

  test('a Disconnect saying "restart" is reconnected to; any other reason ends the connection', async () => {
    const made: FakeTransport[] = [];
    const connection = await connect({
      transport: () => {
        const t = fakeTransport();
        made.push(t);
        t.feed(encodeMessage({ type: 'SetDate', date: Date.now(), version: '0.9.67' }, 'current'));
        return t;
      },
      autoReconnect: { initialDelayMs: 1, maxDelayMs: 5 },
    });
    made[0]!.feed(encodeMessage({ type: 'Disconnect', reason: 'router restart in 5 s' }, 'current'));
    await until(() => (made.length === 2 && connection.state === 'open' ? true : undefined));
    made[1]!.feed(encodeMessage({ type: 'Disconnect', reason: 'go away' }, 'current'));
    const closed = await connection.closed;
    expect(closed).toMatchObject({ code: 'DISCONNECTED', message: 'router disconnected: go away' });
    expect(made).toHaveLength(2);
  });
});

describe('2003 dialect on the wire', () => {
  test('no protocol byte, undated DSA-signed SessionConfig, 2003 lease set with the Destination keys', async () => {
    const transport = fakeTransport();
    const connection = await connect({ transport, dialect: '2003' });
    const keys = generateDestination({ sigType: 0 });
    const creating = connection.createSession({ keys });
    const create = await until(() => sent(transport, '2003').find((m) => m.type === 'CreateSession'));
    expect(transport.written[0]?.[0]).not.toBe(PROTOCOL_BYTE);
    expect(create.config.date).toBeUndefined();
    expect(create.config.signature.sigType).toBe(0);
    expect(verifySessionConfig(create.config, '2003')).toBe(true);
    expect(create.config.options.size).toBe(0);

    transport.feed(encodeMessage({ type: 'SessionStatus', sessionId: 3, status: 1 }, '2003'));
    const gateway = generateDestination({ sigType: 0 }).destination;
    transport.feed(
      encodeMessage(
        { type: 'RequestLeaseSet', dialect: '2003', sessionId: 3, tunnels: [{ gateway, tunnelId: 4 }], startDate: 1_000_000, endDate: 2_000_000 },
        '2003',
      ),
    );
    await creating;
    const cls = sent(transport, '2003').find((m) => m.type === 'CreateLeaseSet');
    if (cls?.type !== 'CreateLeaseSet' || cls.dialect !== '2003') throw new Error('expected a 2003 CreateLeaseSet');
    expect(verifyLeaseSet2003(cls.leaseSet)).toBe(true);
    expect(cls.leaseSet.encryptionKey.bytes).toEqual(keys.destination.publicKey.bytes);
    expect(cls.privateKey.bytes).toEqual(keys.privateKey.bytes);
    expect(cls.leaseSet.leases).toEqual([expect.objectContaining({ tunnelId: 4, startDate: 1_000_000, endDate: 2_000_000 })]);
    transport.end();
    await connection.closed;
  });
});
