import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writer, bytesEqual, concatBytes, destinationHash, generateDestination, generateEncryptionKeys, generateSigningKeys, mappingFrom, sign, toBase64, writeDestination, writeMapping } from '@i2cp/data';
import type { Destination, DestinationKeys, PrivateKey, SigningPrivateKey } from '@i2cp/data';
import { MessageStatusCode, NO_SESSION_ID, SessionStatusCode } from '@i2cp/codec';
import type { Message } from '@i2cp/codec';
import type { RouterStub, RouterStubOptions } from '../src/index.js';
import { RawClient, eventually, withTimeout, leaseSet1Message, leaseSet2Message, newKeys, openCurrentSession, sessionConfig, startStub } from './helpers.js';

let stub: RouterStub | undefined;
const clients: RawClient[] = [];

async function start(options: RouterStubOptions = {}): Promise<RouterStub> {
  ({ stub } = await startStub(options));
  return stub;
}

async function client(): Promise<RawClient> {
  const c = await RawClient.tcp(stub!.address.port, 'current');
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stub?.close();
  stub = undefined;
});

async function createdSession(c: RawClient, keys = newKeys()) {
  c.send({ type: 'GetDate', version: '0.9.67' });
  await c.expect('SetDate');
  c.send({ type: 'CreateSession', config: sessionConfig(keys, 'current', { 'i2cp.fastReceive': 'true' }) });
  const status = await c.expect('SessionStatus');
  const request = await c.expect('RequestVariableLeaseSet');
  return { keys, sessionId: status.sessionId, request };
}

describe('current dialect: authentication', () => {
  it('refuses a GetDate with wrong credentials', async () => {
    await start({ auth: { username: 'u', password: 'secret' } });
    const c = await client();
    c.send({ type: 'GetDate', version: '0.9.67', options: mappingFrom({ 'i2cp.username': 'u', 'i2cp.password': 'wrong' }) });
    expect(await c.expectDisconnect()).toBe('authorization failed');
  });

  it('refuses any other message before an authenticated GetDate', async () => {
    await start({ auth: { username: 'u', password: 'secret' } });
    const c = await client();
    c.send({ type: 'GetBandwidthLimits' });
    expect(await c.expectDisconnect()).toMatch(/authorization required/);
  });

  it('serves a client with the right credentials and never logs the password', async () => {
    const { stub: s, logs } = await startStub({ auth: { username: 'u', password: 'secret' } });
    stub = s;
    const c = await client();
    c.send({ type: 'GetDate', version: '0.9.67', options: mappingFrom({ 'i2cp.username': 'u', 'i2cp.password': 'secret' }) });
    await c.expect('SetDate');
    await openCurrentSession(c, undefined, undefined, false);
    const bad = await client();
    bad.send({ type: 'GetDate', version: '0.9.67', options: mappingFrom({ 'i2cp.username': 'u', 'i2cp.password': 'secret2' }) });
    await bad.expectDisconnect();
    expect(JSON.stringify(logs)).not.toMatch(/secret/);
  });
});

describe('current dialect: CreateSession', () => {
  it('ends the connection on a bad signature', async () => {
    await start();
    const c = await client();
    const config = sessionConfig(newKeys(), 'current');
    c.send({ type: 'CreateSession', config: { ...config, signature: { ...config.signature, bytes: config.signature.bytes.map((b) => b ^ 1) } } });
    expect(await c.expectDisconnect()).toMatch(/CreateSession refused: bad SessionConfig signature/);
  });

  it('ends the connection when the SessionConfig date is outside the clock window', async () => {
    await start({ limits: { clockSkewMs: 30_000 } });
    const c = await client();
    c.send({ type: 'CreateSession', config: sessionConfig(newKeys(), 'current', {}, Date.now() - 60_000) });
    expect(await c.expectDisconnect()).toMatch(/clock skew/);
  });

  it('ends the connection when the destination already has a session', async () => {
    await start();
    const a = await openCurrentSession(await client());
    const c = await client();
    c.send({ type: 'CreateSession', config: sessionConfig(a.keys, 'current') });
    expect(await c.expectDisconnect()).toMatch(/already has a session/);
  });

  it('runs several sessions on one connection and ends the connection on one beyond the limit (Disconnect, as Java)', async () => {
    await start({ limits: { maxSessionsPerConnection: 2 } });
    const c = await client();
    const a = await openCurrentSession(c);
    const b = await subsessionOf(c, a.keys);
    expect(a.sessionId).not.toBe(b.sessionId);
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(3), nonce: 0 });
    expect(await c.expect('MessagePayload')).toMatchObject({ sessionId: b.sessionId });
    c.send({ type: 'CreateSession', config: sessionConfig(generateDestination({ subsessionOf: a.keys }), 'current') });
    expect(await c.expectDisconnect()).toBe('CreateSession refused: session limit exceeded: a connection may have 2 sessions');
    await closedSilently(c);
  });

  it('ends the connection of a CreateSession beyond the router-wide limit; the others keep working', async () => {
    await start({ limits: { maxSessions: 1 } });
    const a = await openCurrentSession(await client());
    const c = await handshake();
    c.send({ type: 'CreateSession', config: sessionConfig(newKeys(), 'current') });
    expect(await c.expectDisconnect()).toBe('CreateSession refused: session limit exceeded: the router has its maximum of 1 sessions');
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
    expect(stub!.stats().sessions).toBe(1);
  });

  /** The router closed `c` without sending anything, and no session is left. */
  async function closedSilently(c: RawClient): Promise<void> {
    await withTimeout(c.closed, 5000, 'the router did not close the connection');
    expect(c.pending).toEqual([]);
    expect(stub!.stats().sessions).toBe(0);
  }

  /** Seen from another connection, the Destination has no session any more. */
  async function expectForgotten(destination: Destination): Promise<void> {
    const other = await openCurrentSession(await client());
    other.client.send({ type: 'DestLookup', hash: destinationHash(destination) });
    expect((await other.client.expect('DestReply')).destination).toBeUndefined();
  }

  const subsessionOf = (c: RawClient, primary: DestinationKeys) =>
    openCurrentSession(c, undefined, generateDestination({ subsessionOf: primary }), false);

  /** The next message after a CreateSession is a Disconnect (no SessionStatus, as Java), and the connection closes. */
  async function refusedSession(c: RawClient, keys: ReturnType<typeof newKeys>, options: Record<string, string> = {}): Promise<string> {
    c.send({ type: 'CreateSession', config: sessionConfig(keys, 'current', options) });
    const { reason } = await c.expect('Disconnect');
    await c.closed;
    return reason;
  }

  async function handshake(): Promise<RawClient> {
    const c = await client();
    c.send({ type: 'GetDate', version: '0.9.67' });
    await c.expect('SetDate');
    return c;
  }

  it('refuses a subsession whose Destination has another public-key field than the primary, with a Disconnect', async () => {
    await start();
    const c = await client();
    await openCurrentSession(c);
    expect(await refusedSession(c, newKeys())).toMatch(/public-key field of the connection's primary session/);
    expect(stub!.stats().sessions).toBe(0);
  });

  it('a subsession with the primary public-key field starts from the primary options, its own override them', async () => {
    await start();
    const c = await client();
    const a = await openCurrentSession(c, { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    const inherits = await openCurrentSession(c, {}, generateDestination({ subsessionOf: a.keys }), false);
    const overrides = await openCurrentSession(c, { 'i2cp.messageReliability': 'BestEffort' }, generateDestination({ subsessionOf: a.keys }), false);
    // Reliability "none" (inherited): the final status only. Fast receive (inherited): the payload itself.
    c.send({ type: 'SendMessage', sessionId: inherits.sessionId, destination: overrides.keys.destination, payload: Uint8Array.of(1), nonce: 1 });
    expect(await c.take((m) => m.type === 'MessagePayload')).toMatchObject({ sessionId: overrides.sessionId });
    expect(await c.take((m) => m.type === 'MessageStatus')).toMatchObject({ sessionId: inherits.sessionId, nonce: 1, status: MessageStatusCode.LocalSuccess });
    // Its own BestEffort: Accepted first.
    c.send({ type: 'SendMessage', sessionId: overrides.sessionId, destination: inherits.keys.destination, payload: Uint8Array.of(2), nonce: 2 });
    expect(await c.take((m) => m.type === 'MessageStatus')).toMatchObject({ sessionId: overrides.sessionId, nonce: 2, status: MessageStatusCode.Accepted });
  });

  it('refuses a Destination whose key certificate names a crypto type other than ElGamal, with a Disconnect', async () => {
    await start();
    const c = await handshake();
    expect(await refusedSession(c, generateDestination({ encType: 4 }))).toMatch(/crypto type 4; only ElGamal \(0\)/);
  });

  it('refuses i2cp.leaseSetType=5 for a Destination that is not Ed25519 or RedDSA, with a Disconnect', async () => {
    await start();
    expect(await refusedSession(await handshake(), generateDestination({ sigType: 1 }), { 'i2cp.leaseSetType': '5' })).toMatch(
      /leaseSetType=5\) needs an Ed25519 or RedDSA Destination, this one has signing type 1/,
    );
    const c = await handshake();
    c.send({ type: 'CreateSession', config: sessionConfig(newKeys(), 'current', { 'i2cp.leaseSetType': '5' }) });
    expect(await c.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Created });
  });

  it('takes i2cp.leaseSetEncType as a comma list of type numbers or Java type names (any case)', async () => {
    await start();
    for (const value of ['4,0', '0', '4', 'ECIES_X25519,ELGAMAL_2048', 'ecies_x25519', '+4']) {
      const c = await handshake();
      c.send({ type: 'CreateSession', config: sessionConfig(newKeys(), 'current', { 'i2cp.leaseSetEncType': value }) });
      expect(await c.expect('SessionStatus'), value).toMatchObject({ status: SessionStatusCode.Created });
    }
  });

  it('refuses an i2cp.leaseSetEncType naming an unknown or unusable type, with a Disconnect', async () => {
    await start();
    const cases: [string, RegExp][] = [
      ['4,x', /unsupported crypto type "x"/],
      ['', /unsupported crypto type ""/],
      ['4, 0', /unsupported crypto type " 0"/],
      ['4,,0', /unsupported crypto type ""/],
      ['9', /unsupported crypto type "9"/],
      ['1', /unsupported crypto type 1 \(EC_P256\)/],
      ['EC_P521', /unsupported crypto type 3 \(EC_P521\)/],
      ['4,5', /unsupported crypto type 5 \(MLKEM512_X25519\)/],
      ['MLKEM768_X25519', /unsupported crypto type 6 \(MLKEM768_X25519\)/],
    ];
    for (const [value, reason] of cases) {
      expect(await refusedSession(await handshake(), newKeys(), { 'i2cp.leaseSetEncType': value }), value).toMatch(reason);
    }
    expect(stub!.stats().sessions).toBe(0);
  });

  it('checks a subsession\'s own i2cp.leaseSetEncType too', async () => {
    await start();
    const c = await client();
    const a = await openCurrentSession(c, { 'i2cp.leaseSetEncType': '4' });
    expect(await refusedSession(c, generateDestination({ subsessionOf: a.keys }), { 'i2cp.leaseSetEncType': '2' })).toMatch(/crypto type 2 \(EC_P384\)/);
  });

  it('a subsession inherits i2cp.leaseSetType=5 from its primary and with it the signing-type rule', async () => {
    await start();
    const c = await client();
    const a = await openCurrentSession(c, { 'i2cp.leaseSetType': '5' });
    expect(await refusedSession(c, generateDestination({ subsessionOf: a.keys, sigType: 1 }))).toMatch(/leaseSetType=5/);
  });

  it('sends the old RequestLeaseSet to clients older than 0.9.7', async () => {
    await start();
    const c = await client();
    c.send({ type: 'GetDate', version: '0.9.6' });
    await c.expect('SetDate');
    c.send({ type: 'CreateSession', config: sessionConfig(newKeys(), 'current') });
    await c.expect('SessionStatus');
    expect(await c.expect('RequestLeaseSet')).toMatchObject({ dialect: 'current' });
  });

  it('reconfigures (Updated), refuses another destination (Invalid); DestroySession of the only session closes the connection without a reply', async () => {
    await start();
    const a = await openCurrentSession(await client());
    a.client.send({ type: 'ReconfigureSession', sessionId: a.sessionId, config: sessionConfig(a.keys, 'current', { 'i2cp.messageReliability': 'none' }) });
    expect(await a.client.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Updated });
    a.client.send({ type: 'ReconfigureSession', sessionId: a.sessionId, config: sessionConfig(newKeys(), 'current') });
    expect(await a.client.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Invalid });
    a.client.send({ type: 'DestroySession', sessionId: a.sessionId });
    await closedSilently(a.client);
    await expectForgotten(a.keys.destination);
  });

  it('DestroySession of a subsession ends it alone, without a reply; the primary keeps working', async () => {
    await start();
    const c = await client();
    const a = await openCurrentSession(c);
    const b = await subsessionOf(c, a.keys);
    const d = await subsessionOf(c, a.keys);
    c.send({ type: 'DestroySession', sessionId: b.sessionId });
    c.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(1), nonce: 4 });
    expect(await c.expect('MessageStatus')).toMatchObject({ sessionId: a.sessionId, nonce: 4, status: MessageStatusCode.Accepted });
    expect(await c.expect('MessageStatus')).toMatchObject({ sessionId: a.sessionId, nonce: 4, status: MessageStatusCode.NoLeaseSet });
    expect(stub!.stats().sessions).toBe(2);
    // Then the primary: its remaining subsession goes with it and the connection closes, still without a reply.
    c.send({ type: 'DestroySession', sessionId: a.sessionId });
    await closedSilently(c);
    await expectForgotten(d.keys.destination);
  });

  it('DestroySession of the primary ends every subsession and closes the connection; the next frame is never read', async () => {
    await start();
    const c = await client();
    const a = await openCurrentSession(c);
    await subsessionOf(c, a.keys);
    await subsessionOf(c, a.keys);
    expect(stub!.stats().sessions).toBe(3);
    c.send({ type: 'DestroySession', sessionId: a.sessionId });
    c.send({ type: 'GetBandwidthLimits' });
    await closedSilently(c);
  });

  it('DestroySession naming an unknown session: ignored while the connection has sessions, closes it when it has none', async () => {
    await start();
    const a = await openCurrentSession(await client());
    const unknown = a.sessionId === 0xfffe ? 1 : a.sessionId + 1;
    a.client.send({ type: 'DestroySession', sessionId: unknown });
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
    expect(stub!.stats().sessions).toBe(1);
    const empty = await handshake();
    a.client.close();
    await withTimeout(a.client.closed, 5000, 'the client socket did not close');
    await eventually(() => stub!.stats().sessions === 0);
    empty.send({ type: 'DestroySession', sessionId: unknown });
    await closedSilently(empty);
  });

  it('ends the sessions of a closed socket', async () => {
    await start();
    const a = await openCurrentSession(await client());
    const b = await openCurrentSession(await client());
    b.client.close();
    await b.client.closed;
    await eventually(() => stub!.stats().sessions === 1);
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(1), nonce: 9 });
    await a.client.expect('MessageStatus');
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.NoLeaseSet });
  });

  it('ends the connection on Reconfigure, CreateLeaseSet or Begin naming an unknown session', async () => {
    await start();
    const bogus: Message[] = [
      { type: 'ReconfigureSession', sessionId: 777, config: sessionConfig(newKeys(), 'current') },
      { type: 'ReceiveMessageBegin', sessionId: 777, messageId: 1 },
      leaseSet2Message(newKeys(), 777, []),
    ];
    for (const m of bogus) {
      const c = await client();
      c.send(m);
      expect(await c.expectDisconnect()).toMatch(/unknown session 777/);
    }
  });
});

describe('current dialect: lease sets', () => {
  it('accepts an LS1 through CreateLeaseSet', async () => {
    await start();
    const c = await client();
    const s = await createdSession(c);
    c.send(leaseSet1Message(s.keys, s.sessionId, s.request.leases));
    const other = await openCurrentSession(await client());
    other.client.send({ type: 'SendMessage', sessionId: other.sessionId, destination: s.keys.destination, payload: Uint8Array.of(5), nonce: 0 });
    expect((await c.expect('MessagePayload')).payload).toEqual(Uint8Array.of(5));
  });

  it('ends the connection on an LS1 whose private key does not match', async () => {
    await start();
    const c = await client();
    const s = await createdSession(c);
    c.send(leaseSet1Message(s.keys, s.sessionId, s.request.leases, generateEncryptionKeys(0).privateKey));
    expect(await c.expectDisconnect()).toMatch(/CreateLeaseSet refused: private\/public crypto key mismatch/);
  });

  it('ends the connection on an LS2 whose private key does not derive its public key', async () => {
    await start();
    const c = await client();
    const s = await createdSession(c);
    c.send(leaseSet2Message(s.keys, s.sessionId, s.request.leases, generateEncryptionKeys(4), [generateEncryptionKeys(4).privateKey]));
    expect(await c.expectDisconnect()).toMatch(/CreateLeaseSet2 refused: private key 0 does not match/);
  });

  it('ends the connection on an LS2 signed by another key', async () => {
    await start();
    const c = await client();
    const s = await createdSession(c);
    const other = newKeys();
    const forged = leaseSet2Message({ ...other, destination: s.keys.destination }, s.sessionId, s.request.leases);
    c.send(forged);
    expect(await c.expectDisconnect()).toMatch(/CreateLeaseSet2 refused: bad lease set signature/);
  });

  it('ends the connection on an LS2 for another destination', async () => {
    await start();
    const c = await client();
    const s = await createdSession(c);
    c.send(leaseSet2Message(newKeys(), s.sessionId, s.request.leases));
    expect(await c.expectDisconnect()).toMatch(/another destination/);
  });

  it('asks again before the leases end (RequestVariableLeaseSet)', async () => {
    await start({ leaseDurationMs: 400 });
    const a = await openCurrentSession(await client());
    expect((await a.client.waitFor('RequestVariableLeaseSet', 3000)).sessionId).toBe(a.sessionId);
  });
});

describe('current dialect: sending', () => {
  it('answers SendMessage naming an unknown session with BadSession (10), or nothing for nonce 0', async () => {
    await start();
    const c = await client();
    c.send({ type: 'SendMessage', sessionId: 555, destination: newKeys().destination, payload: Uint8Array.of(1), nonce: 0 });
    c.send({ type: 'SendMessage', sessionId: 555, destination: newKeys().destination, payload: Uint8Array.of(1), nonce: 3 });
    expect(await c.expect('MessageStatus')).toMatchObject({ sessionId: 555, status: MessageStatusCode.BadSession, nonce: 3 });
  });

  it('reports MessageExpired (14) for SendMessageExpires in the past and BadMessage (11) for an empty payload', async () => {
    await start();
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    const b = await openCurrentSession(await client());
    const base = { type: 'SendMessageExpires', sessionId: a.sessionId, destination: b.keys.destination, flags: 0 } as const;
    a.client.send({ ...base, payload: Uint8Array.of(1), nonce: 1, expiration: Date.now() - 1000 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.MessageExpired, nonce: 1 });
    a.client.send({ ...base, payload: new Uint8Array(0), nonce: 2, expiration: 0 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.BadMessage, nonce: 2 });
    a.client.send({ ...base, payload: Uint8Array.of(4), nonce: 3, expiration: Date.now() + 60_000 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 3 });
    expect((await b.client.expect('MessagePayload')).payload).toEqual(Uint8Array.of(4));
  });

  it('reports OverflowFailure (13) when a message finds the recipient queue full', async () => {
    await start({ limits: { maxQueuedBytesPerSession: 1000 } });
    const c = await client();
    // Both sessions on one connection: the router cannot pause a sender that is also the reader.
    const a = await openCurrentSession(c, { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    // A subsession: it has the primary's public key, and slow receive of its own (it would inherit fast receive).
    const b = await openCurrentSession(c, { 'i2cp.fastReceive': 'false' }, generateDestination({ subsessionOf: a.keys }), false);
    const send = (nonce: number): void => {
      c.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: new Uint8Array(800), nonce });
    };
    send(1);
    send(2);
    const statuses = [await c.take((m) => m.type === 'MessageStatus' && m.nonce === 1), await c.take((m) => m.type === 'MessageStatus' && m.nonce === 2)];
    expect(statuses.map((m) => (m as { status: number }).status)).toEqual([MessageStatusCode.LocalSuccess, MessageStatusCode.OverflowFailure]);
    const available = await c.take((m) => m.type === 'MessageStatus' && m.status === MessageStatusCode.Available);
    c.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: (available as { messageId: number }).messageId });
    send(3);
    expect(await c.take((m) => m.type === 'MessageStatus' && m.nonce === 3)).toMatchObject({ status: MessageStatusCode.LocalSuccess });
  });

  it('stops reading a sender while its recipient queue is past half the limit, and resumes when it drains', async () => {
    await start({ limits: { maxQueuedBytesPerSession: 1000 } });
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    const b = await openCurrentSession(await client(), {});
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: new Uint8Array(800), nonce: 1 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 1 });
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: new Uint8Array(800), nonce: 2 });
    await a.client.expectSilence(200);
    const available = await b.client.expect('MessageStatus');
    b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: available.messageId });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 2 });
    expect((await b.client.expect('MessageStatus')).size).toBe(800);
  });

  it('releases senders paused for a recipient that stays full past maxSenderPauseMs; what does not fit gets 13', async () => {
    await start({ limits: { maxQueuedBytesPerSession: 1000, maxSenderPauseMs: 200 } });
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    const b = await openCurrentSession(await client(), {});
    const send = (nonce: number): void => {
      a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: new Uint8Array(800), nonce });
    };
    send(1);
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 1 });
    send(2);
    expect(await a.client.expect('MessageStatus', 3000)).toMatchObject({ status: MessageStatusCode.OverflowFailure, nonce: 2 });
    // Stalled: no more pausing, every send that does not fit is refused at once.
    send(3);
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.OverflowFailure, nonce: 3 });
    const available = await b.client.expect('MessageStatus');
    b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: available.messageId });
    send(4);
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 4 });
  });

  it('delivers a long mixed run intact: sends that switch recipients, repeat one, expire or not, small and large payloads', async () => {
    // About 1 MB of output: the stub's output slabs (64 KiB) fill up many times while status frames
    // and payloads of two recipients interleave, and payloads above 4 KiB go out as views between copied ones.
    await start();
    const a = await openCurrentSession(await client());
    const b = await openCurrentSession(await client());
    const c = await openCurrentSession(await client());
    const sizes = [1, 1000, 5000, 3000, 4096, 4097, 1, 1, 1, 1, 1, 1];
    const sent: Uint8Array[][] = [[], []];
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const to = i % 7 < 4 ? 0 : 1;
      const payload = Uint8Array.from({ length: sizes[i % sizes.length]! }, (_, j) => (i + j) & 0xff);
      const destination = (to === 0 ? b : c).keys.destination;
      const nonce = i + 1;
      if (i % 5 === 0) {
        a.client.send({ type: 'SendMessageExpires', sessionId: a.sessionId, destination, payload, nonce, flags: 0, expiration: Date.now() + 60_000 });
      } else {
        a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination, payload, nonce });
      }
      sent[to]!.push(payload);
    }
    for (const [to, recipient] of [b, c].entries()) {
      let lastId = 0;
      for (const payload of sent[to]!) {
        const m = await recipient.client.expect('MessagePayload');
        expect(m.sessionId).toBe(recipient.sessionId);
        expect(m.messageId).toBeGreaterThan(lastId);
        lastId = m.messageId;
        expect(bytesEqual(m.payload, payload)).toBe(true);
      }
    }
    for (let nonce = 1; nonce <= count; nonce++) {
      expect(await a.client.expect('MessageStatus')).toMatchObject({ sessionId: a.sessionId, status: MessageStatusCode.Accepted, nonce });
      expect(await a.client.expect('MessageStatus')).toMatchObject({ sessionId: a.sessionId, status: MessageStatusCode.LocalSuccess, nonce });
    }
    await a.client.expectSilence(100);
  });

  it('passes a 64 KiB payload through untouched', async () => {
    await start({ limits: { maxFrameBytes: 70_000 } });
    const a = await openCurrentSession(await client());
    const b = await openCurrentSession(await client());
    const payload = Uint8Array.from({ length: 65_536 }, (_, i) => (i * 7) & 0xff);
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload, nonce: 0 });
    // bytesEqual rather than toEqual: a deep diff of 64 Ki elements costs a second.
    expect(bytesEqual((await b.client.expect('MessagePayload')).payload, payload)).toBe(true);
  });

  it('ends the connection on ReceiveMessageBegin/End with an unknown MessageId (slow mode)', async () => {
    await start();
    const b = await openCurrentSession(await client(), {});
    b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: 31 });
    expect(await b.client.expectDisconnect()).toMatch(/ReceiveMessageEnd for unknown message id 31/);
    const c = await openCurrentSession(await client(), {});
    c.client.send({ type: 'ReceiveMessageBegin', sessionId: c.sessionId, messageId: 32 });
    expect(await c.client.expectDisconnect()).toMatch(/ReceiveMessageBegin for unknown message id 32/);
  });

  it('ignores BlindingInfo and records ReportAbuse', async () => {
    await start();
    const a = await openCurrentSession(await client());
    a.client.send({ type: 'BlindingInfo', sessionId: a.sessionId, flags: 0, blindedSigType: 11, expirationSeconds: 0, endpoint: { kind: 'hash', hash: new Uint8Array(32) } });
    a.client.send({ type: 'ReportAbuse', sessionId: a.sessionId, severity: 1, reason: 'test', messageId: 0 });
    a.client.send({ type: 'GetBandwidthLimits' });
    await a.client.expect('BandwidthLimits');
    expect(stub!.stats().abuseReports).toBe(1);
  });
});

describe('current dialect: names', () => {
  it('resolves names from a hosts file and the hosts option (case-insensitive), with HostLookup types 0–4', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'router-stub-'));
    try {
      const fromFile = newKeys().destination;
      const fromOption = newKeys().destination;
      const file = join(dir, 'hosts.txt');
      await writeFile(file, `# address book\nfile.i2p=${toBase64(fromFile.bytes)}\nbroken line\nbad.i2p=!!!\n`);
      const { stub: s, logs } = await startStub({ hostsFile: file, hosts: { 'Option.i2p': fromOption } });
      stub = s;
      expect(logs.filter((l) => l.msg === 'hosts file line skipped')).toHaveLength(2);
      const a = await openCurrentSession(await client());
      const lookup = (requestId: number, key: Message & { type: 'HostLookup' } extends { key: infer K } ? K : never): void => {
        a.client.send({ type: 'HostLookup', sessionId: a.sessionId, requestId, timeoutMs: 1000, key });
      };
      lookup(1, { kind: 'hostname', hostname: 'FILE.i2p', withOptions: false });
      expect((await a.client.expect('HostReply')).destination?.bytes).toEqual(fromFile.bytes);
      lookup(2, { kind: 'hostname', hostname: 'option.i2p', withOptions: true });
      const withOptions = await a.client.expect('HostReply');
      expect(withOptions.destination?.bytes).toEqual(fromOption.bytes);
      expect(withOptions.options?.size).toBe(0);
      lookup(3, { kind: 'hash', hash: destinationHash(fromFile), withOptions: true });
      expect(await a.client.expect('HostReply')).toMatchObject({ requestId: 3, resultCode: 0 });
      lookup(4, { kind: 'destination', destination: a.keys.destination });
      expect(await a.client.expect('HostReply')).toMatchObject({ requestId: 4, resultCode: 0 });
      lookup(5, { kind: 'destination', destination: fromFile });
      expect(await a.client.expect('HostReply')).toMatchObject({ requestId: 5, resultCode: 6 });
      lookup(6, { kind: 'hostname', hostname: 'bad.i2p', withOptions: false });
      expect(await a.client.expect('HostReply')).toMatchObject({ requestId: 6, resultCode: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails to start with an unreadable hosts file', async () => {
    await expect(startStub({ hostsFile: '/nonexistent/hosts.txt' })).rejects.toMatchObject({ code: 'IO' });
  });
});

// CreateLeaseSet2 store types 5 (encrypted) and 7 (meta). The lease sets are built here field by field
// (layouts: common-structures "EncryptedLeaseSet", "MetaLeaseSet") and signed over the store type byte
// followed by all preceding bytes.

/** A session whose first RequestVariableLeaseSet is still unanswered. */
async function requested(options: Record<string, string>, keys: DestinationKeys = newKeys()) {
  const c = await client();
  c.send({ type: 'GetDate', version: '0.9.67' });
  await c.expect('SetDate');
  c.send({ type: 'CreateSession', config: sessionConfig(keys, 'current', { 'i2cp.fastReceive': 'true', ...options }) });
  const { sessionId } = await c.expect('SessionStatus');
  await c.expect('RequestVariableLeaseSet');
  return { c, keys, sessionId };
}

const now = (): number => Math.floor(Date.now() / 1000);

function signedBytes(storeType: number, w: Writer, key: SigningPrivateKey): Uint8Array {
  const body = w.finish();
  const signature = sign(key, concatBytes([Uint8Array.of(storeType), body]));
  return concatBytes([body, signature.bytes]);
}

/** MetaLeaseSet: Destination, published, expires, flags, options, one entry (hash, flags 3, cost, end), no revocations. */
function metaLeaseSet(destination: Destination, key: SigningPrivateKey): Uint8Array {
  const w = new Writer(512);
  writeDestination(w, destination);
  w.u32(now(), 'published').u16(600, 'expires').u16(0, 'flags');
  writeMapping(w, mappingFrom({}));
  w.u8(1, 'entries');
  w.fixed(new Uint8Array(32).fill(7), 32, 'hash');
  w.fixed(Uint8Array.of(0, 0, 3), 3, 'entry flags (type 3: LS2)');
  w.u8(0, 'cost').u32(now() + 600, 'end');
  w.u8(0, 'revocations');
  return signedBytes(7, w, key);
}

/** EncryptedLeaseSet: blinded type 11 and key, published, expires, flags, length-prefixed ciphertext. */
function encryptedLeaseSet(blinded: { readonly publicKey: { readonly bytes: Uint8Array }; readonly privateKey: SigningPrivateKey }): Uint8Array {
  const w = new Writer(256);
  w.u16(11, 'blinded type (RedDSA)');
  w.fixed(blinded.publicKey.bytes, 32, 'blinded key');
  w.u32(now(), 'published').u16(600, 'expires').u16(0, 'flags');
  w.u16(40, 'length').fixed(new Uint8Array(40).fill(9), 40, 'ciphertext');
  // RedDSA verifies with the Ed25519 equation: an Ed25519 signature by the same key is a valid one.
  return signedBytes(5, w, blinded.privateKey);
}

function store(sessionId: number, storeType: 5 | 7, bytes: Uint8Array, privateKeys: readonly PrivateKey[] = []): Message {
  return { type: 'CreateLeaseSet2', sessionId, store: { storeType, bytes }, privateKeys };
}

/** Sends the lease set, makes sure the router took it (no Disconnect), then sends to its Destination from another session. */
async function acceptedThenSend(s: { c: RawClient; keys: DestinationKeys }, message: Message): Promise<number> {
  s.c.send(message);
  s.c.send({ type: 'GetBandwidthLimits' });
  await s.c.expect('BandwidthLimits');
  return reachable(s.keys.destination);
}

async function reachable(target: Destination): Promise<number> {
  const sender = await openCurrentSession(await client());
  sender.client.send({ type: 'SendMessage', sessionId: sender.sessionId, destination: target, payload: Uint8Array.of(1), nonce: 1 });
  await sender.client.expect('MessageStatus');
  return (await sender.client.expect('MessageStatus')).status;
}

describe('CreateLeaseSet2 meta (7)', () => {
  it('accepts a meta lease set signed by the session Destination (no private keys); the Destination is reachable', async () => {
    ({ stub } = await startStub());
    const s = await requested({ 'i2cp.leaseSetType': '7' });
    const meta = store(s.sessionId, 7, metaLeaseSet(s.keys.destination, s.keys.signingPrivateKey));
    expect(await acceptedThenSend(s, meta)).toBe(MessageStatusCode.LocalSuccess);
  });

  it('refuses a meta lease set with a bad signature or for another Destination, with a Disconnect', async () => {
    ({ stub } = await startStub());
    const a = await requested({ 'i2cp.leaseSetType': '7' });
    a.c.send(store(a.sessionId, 7, metaLeaseSet(a.keys.destination, newKeys().signingPrivateKey)));
    expect(await a.c.expectDisconnect()).toMatch(/refused: bad meta lease set signature/);
    const b = await requested({ 'i2cp.leaseSetType': '7' });
    const other = newKeys();
    b.c.send(store(b.sessionId, 7, metaLeaseSet(other.destination, other.signingPrivateKey)));
    expect(await b.c.expectDisconnect()).toMatch(/refused: the meta lease set is for another destination/);
  });
});

describe('CreateLeaseSet2 encrypted (5)', () => {
  it('accepts an encrypted lease set whose outer signature verifies with its blinded key; the Destination is reachable', async () => {
    ({ stub } = await startStub());
    const s = await requested({ 'i2cp.leaseSetType': '5' }, generateDestination());
    const x25519 = generateDestination({ encType: 4 }).privateKey;
    const encrypted = store(s.sessionId, 5, encryptedLeaseSet(generateSigningKeys(7)), [x25519]);
    expect(await acceptedThenSend(s, encrypted)).toBe(MessageStatusCode.LocalSuccess);
  });

  it('refuses an encrypted lease set whose outer signature does not verify, with a Disconnect', async () => {
    ({ stub } = await startStub());
    const s = await requested({ 'i2cp.leaseSetType': '5' });
    const bytes = encryptedLeaseSet(generateSigningKeys(7));
    const at = bytes.length - 70; // a ciphertext byte
    bytes[at] = bytes[at]! ^ 0xff;
    s.c.send(store(s.sessionId, 5, bytes));
    expect(await s.c.expectDisconnect()).toMatch(/refused: bad encrypted lease set signature/);
  });
});
