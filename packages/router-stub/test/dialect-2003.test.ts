import { afterEach, describe, expect, it } from 'vitest';
import { generateEncryptionKeys, generateSigningKeys, signLeaseSet2003 } from '@i2cp/data';
import type { Destination } from '@i2cp/data';
import { MessageStatusCode, NO_SESSION_ID, SessionStatusCode } from '@i2cp/codec';
import type { Message } from '@i2cp/codec';
import type { AdminOutcome, AdminRequest, RouterAdminHandler, RouterStub, RouterStubOptions } from '../src/index.js';
import { NO_ADMIN_HANDLER_REASON } from '../src/index.js';
import { RawClient, eventually, leaseSet2003Message, newKeys, open2003Session, openCurrentSession, sessionConfig, startStub, sync2003 } from './helpers.js';

let stub: RouterStub | undefined;
const clients: RawClient[] = [];

async function start(options: RouterStubOptions = {}): Promise<RouterStub> {
  ({ stub } = await startStub(options));
  return stub;
}

async function client(): Promise<RawClient> {
  const c = await RawClient.tcp(stub!.address.port, '2003');
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stub?.close();
  stub = undefined;
});

function send(from: { client: RawClient; sessionId: number }, to: { keys: { destination: Destination } }, payload: Uint8Array): void {
  from.client.send({ type: 'SendMessage', sessionId: from.sessionId, destination: to.keys.destination, payload });
}

describe('2003 dialect: sessions', () => {
  it('creates a session for a DSA destination and asks for a lease set with gateway RouterIdentities', async () => {
    await start();
    const c = await client();
    const keys = newKeys('dsa');
    c.send({ type: 'CreateSession', config: sessionConfig(keys, '2003') });
    const status = await c.expect('SessionStatus');
    expect(status.status).toBe(SessionStatusCode.Created);
    expect(status.sessionId).toBeGreaterThan(0);
    expect(status.sessionId).toBeLessThan(NO_SESSION_ID);
    const request = await c.expect('RequestLeaseSet');
    if (request.dialect !== '2003') throw new Error('expected the 2003 form');
    expect(request.sessionId).toBe(status.sessionId);
    expect(request.tunnels.length).toBeGreaterThan(0);
    expect(request.tunnels[0]!.gateway.bytes.length).toBe(387);
    expect(request.endDate).toBeGreaterThan(request.startDate);
  });

  it('verifies SessionConfigs of Ed25519 destinations too', async () => {
    await start();
    const c = await client();
    c.send({ type: 'CreateSession', config: sessionConfig(newKeys('ed25519'), '2003') });
    expect(await c.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Created });
  });

  it('answers a CreateSession with a bad signature with SessionStatus(3) and keeps the connection', async () => {
    await start();
    const c = await client();
    const keys = newKeys('dsa');
    const good = sessionConfig(keys, '2003');
    const forged = { ...good, signature: { ...good.signature, bytes: good.signature.bytes.map((b, i) => (i === 0 ? b ^ 1 : b)) } };
    c.send({ type: 'CreateSession', config: forged });
    expect(await c.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Invalid });
    const s = await open2003Session(c, {}, keys);
    expect(s.sessionId).toBeGreaterThan(0);
  });

  it('answers every message naming no valid session with SessionStatus(3)', async () => {
    await start();
    const c = await client();
    const keys = newKeys('dsa');
    const bogus = 4242;
    const messages: Message[] = [
      { type: 'SendMessage', sessionId: bogus, destination: keys.destination, payload: Uint8Array.of(1) },
      { type: 'ReceiveMessageBegin', sessionId: bogus, messageId: 1 },
      { type: 'ReceiveMessageEnd', sessionId: bogus, messageId: 1 },
      { type: 'ReconfigureSession', sessionId: bogus, config: sessionConfig(keys, '2003') },
      { type: 'DestroySession', sessionId: bogus, config: sessionConfig(keys, '2003') },
      {
        type: 'CreateLeaseSet',
        dialect: '2003',
        sessionId: bogus,
        signingPrivateKey: keys.signingPrivateKey,
        privateKey: keys.privateKey,
        leaseSet: signLeaseSet2003(
          { destination: keys.destination, encryptionKey: keys.destination.publicKey, signingKey: keys.destination.signingPublicKey, version: 1, leases: [] },
          keys.signingPrivateKey,
        ),
      },
    ];
    for (const m of messages) {
      c.send(m);
      expect(await c.expect('SessionStatus')).toEqual({ type: 'SessionStatus', sessionId: bogus, status: SessionStatusCode.Invalid });
    }
  });

  it('reconfigures (Updated) and destroys (Destroyed) with a config signed for the session', async () => {
    await start();
    const s = await open2003Session(await client());
    s.client.send({ type: 'ReconfigureSession', sessionId: s.sessionId, config: sessionConfig(s.keys, '2003', { 'i2cp.messageReliability': 'Guaranteed' }) });
    expect(await s.client.expect('SessionStatus')).toMatchObject({ sessionId: s.sessionId, status: SessionStatusCode.Updated });
    const other = newKeys('dsa');
    s.client.send({ type: 'DestroySession', sessionId: s.sessionId, config: sessionConfig(other, '2003') });
    expect(await s.client.expect('SessionStatus')).toMatchObject({ status: SessionStatusCode.Invalid });
    s.client.send({ type: 'DestroySession', sessionId: s.sessionId, config: sessionConfig(s.keys, '2003') });
    expect(await s.client.expect('SessionStatus')).toMatchObject({ sessionId: s.sessionId, status: SessionStatusCode.Destroyed });
    expect(stub!.stats().sessions).toBe(0);
  });
});

describe('2003 dialect: lease sets', () => {
  type LeaseSetMessage = Message & { type: 'CreateLeaseSet'; dialect: '2003' };
  async function refusedLeaseSet(mutate: (keys: ReturnType<typeof newKeys>, m: LeaseSetMessage) => Message, kind: 'dsa' | 'ed25519' = 'dsa'): Promise<void> {
    await start();
    const sender = await open2003Session(await client());
    const c = await client();
    const keys = newKeys(kind);
    c.send({ type: 'CreateSession', config: sessionConfig(keys, '2003') });
    const status = await c.expect('SessionStatus');
    const request = await c.expect('RequestLeaseSet');
    if (request.dialect !== '2003') throw new Error('expected the 2003 form');
    const good = leaseSet2003Message(keys, status.sessionId, request) as LeaseSetMessage;
    c.send(mutate(keys, good));
    await sync2003(c);
    send(sender, { keys }, Uint8Array.of(1));
    expect(await sender.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.Accepted });
    expect(await sender.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.BestEffortFailure });
  }

  it('refuses a lease set whose PrivateKey does not match its encryption key (destination stays unreachable)', async () => {
    await refusedLeaseSet((_, m) => ({ ...m, privateKey: generateEncryptionKeys(0).privateKey }));
  });

  it('refuses a lease set whose SigningPrivateKey does not match its signing key', async () => {
    await refusedLeaseSet((_, m) => ({ ...m, signingPrivateKey: newKeys('dsa').signingPrivateKey }));
  });

  it('Ed25519 Destination: accepts a lease set with its own Ed25519 revocation key and makes the destination reachable', async () => {
    await start();
    const sender = await open2003Session(await client());
    const c = await client();
    const keys = newKeys('ed25519');
    c.send({ type: 'CreateSession', config: sessionConfig(keys, '2003') });
    const status = await c.expect('SessionStatus');
    const request = await c.expect('RequestLeaseSet');
    if (request.dialect !== '2003') throw new Error('expected the 2003 form');
    // The revocation key need not be the Destination's (ARCHITECTURE §3): a fresh Ed25519 pair.
    const revocation = generateSigningKeys(7);
    const good = leaseSet2003Message(keys, status.sessionId, request) as LeaseSetMessage;
    const leaseSet = signLeaseSet2003({ ...good.leaseSet, signingKey: revocation.publicKey }, keys.signingPrivateKey);
    c.send({ ...good, signingPrivateKey: revocation.privateKey, leaseSet });
    await sync2003(c);
    send(sender, { keys }, Uint8Array.of(1));
    expect(await sender.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.Accepted });
    expect(await sender.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.BestEffortSuccess });
  });

  it('Ed25519 Destination: refuses a lease set whose SigningPrivateKey does not match its revocation key', async () => {
    await refusedLeaseSet((_, m) => ({ ...m, signingPrivateKey: newKeys('ed25519').signingPrivateKey }), 'ed25519');
  });

  it('Ed25519 Destination: refuses a lease set signed by another key', async () => {
    const other = newKeys('ed25519');
    await refusedLeaseSet((_, m) => ({ ...m, leaseSet: signLeaseSet2003(m.leaseSet, other.signingPrivateKey) }), 'ed25519');
  });

  it('refuses a lease set with a bad signature', async () => {
    await refusedLeaseSet((_, m) => ({
      ...m,
      leaseSet: { ...m.leaseSet, signature: { ...m.leaseSet.signature, bytes: m.leaseSet.signature.bytes.map((b) => b ^ 0xff) } },
    }));
  });

  it('asks again for a lease set before the leases end', async () => {
    await start({ leaseDurationMs: 400 });
    const s = await open2003Session(await client());
    const again = await s.client.waitFor('RequestLeaseSet', 3000);
    expect(again.sessionId).toBe(s.sessionId);
  });
});

describe('2003 dialect: delivery', () => {
  it('BestEffort: 1 then 2; the recipient gets MessageStatus(0, size), Begin → MessagePayload, End', async () => {
    await start();
    const a = await open2003Session(await client());
    const b = await open2003Session(await client());
    const payload = Uint8Array.from({ length: 300 }, (_, i) => i % 251);
    send(a, b, payload);
    const accepted = await a.client.expect('MessageStatus');
    expect(accepted).toMatchObject({ sessionId: a.sessionId, status: MessageStatusCode.Accepted });
    expect(accepted.nonce).toBeUndefined();
    expect(await a.client.expect('MessageStatus')).toMatchObject({ messageId: accepted.messageId, status: MessageStatusCode.BestEffortSuccess });
    const available = await b.client.expect('MessageStatus');
    expect(available).toMatchObject({ sessionId: b.sessionId, status: MessageStatusCode.Available, size: 300 });
    b.client.send({ type: 'ReceiveMessageBegin', sessionId: b.sessionId, messageId: available.messageId });
    expect((await b.client.expect('MessagePayload')).payload).toEqual(payload);
    b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: available.messageId });
    await sync2003(b.client);
    expect(stub!.stats().queuedMessages).toBe(0);
  });

  it('ends the connection on ReceiveMessageBegin/End with an unknown MessageId', async () => {
    await start();
    const b = await open2003Session(await client());
    b.client.send({ type: 'ReceiveMessageBegin', sessionId: b.sessionId, messageId: 999 });
    expect(await b.client.expectDisconnect()).toMatch(/unknown message id 999/);
    const c = await open2003Session(await client());
    c.client.send({ type: 'ReceiveMessageEnd', sessionId: c.sessionId, messageId: 5 });
    expect(await c.client.expectDisconnect()).toMatch(/unknown message id 5/);
  });

  it('Guaranteed end to end: recipient drops before End, resumes its SessionId, gets the message once; sender gets 4', async () => {
    await start();
    const a = await open2003Session(await client(), { 'i2cp.messageReliability': 'Guaranteed' });
    const bKeys = newKeys('dsa');
    const b1 = await open2003Session(await client(), {}, bKeys);
    const payload = Uint8Array.of(1, 2, 3, 4, 5);
    send(a, b1, payload);
    const accepted = await a.client.expect('MessageStatus');
    expect(accepted.status).toBe(MessageStatusCode.Accepted);
    const available = await b1.client.expect('MessageStatus');
    b1.client.send({ type: 'ReceiveMessageBegin', sessionId: b1.sessionId, messageId: available.messageId });
    expect((await b1.client.expect('MessagePayload')).payload).toEqual(payload);
    b1.client.close();
    await b1.client.closed;
    await a.client.expectSilence();

    const c2 = await client();
    c2.send({ type: 'CreateSession', config: sessionConfig(bKeys, '2003') });
    expect(await c2.expect('SessionStatus')).toEqual({ type: 'SessionStatus', sessionId: b1.sessionId, status: SessionStatusCode.Created });
    expect(await c2.expect('RequestLeaseSet')).toMatchObject({ sessionId: b1.sessionId });
    const again = await c2.expect('MessageStatus');
    expect(again).toMatchObject({ sessionId: b1.sessionId, messageId: available.messageId, status: MessageStatusCode.Available, size: 5 });
    c2.send({ type: 'ReceiveMessageBegin', sessionId: b1.sessionId, messageId: again.messageId });
    expect((await c2.expect('MessagePayload')).payload).toEqual(payload);
    c2.send({ type: 'ReceiveMessageEnd', sessionId: b1.sessionId, messageId: again.messageId });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ messageId: accepted.messageId, status: MessageStatusCode.GuaranteedSuccess });
    await sync2003(c2);
    expect(c2.pending).toEqual([]);
    await a.client.expectSilence();
    expect(stub!.stats()).toMatchObject({ queuedMessages: 0, delivered: 1, dropped: 0 });
  });

  it('keeps messages for a disconnected session and announces them on resume', async () => {
    await start();
    const a = await open2003Session(await client());
    const bKeys = newKeys('dsa');
    const b1 = await open2003Session(await client(), {}, bKeys);
    b1.client.send({ type: 'Disconnect', reason: 'bye' });
    await b1.client.closed;
    for (let i = 0; i < 3; i++) send(a, { keys: bKeys }, Uint8Array.of(i));
    for (let i = 0; i < 3; i++) {
      expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.Accepted);
      expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.BestEffortSuccess);
    }
    const c2 = await client();
    c2.send({ type: 'CreateSession', config: sessionConfig(bKeys, '2003') });
    expect((await c2.expect('SessionStatus')).sessionId).toBe(b1.sessionId);
    await c2.expect('RequestLeaseSet');
    const sizes = [];
    for (let i = 0; i < 3; i++) sizes.push((await c2.expect('MessageStatus')).size);
    expect(sizes).toEqual([1, 1, 1]);
  });

  it('takes a session over from a live connection, which gets Disconnect("session taken over")', async () => {
    await start();
    const keys = newKeys('dsa');
    const first = await open2003Session(await client(), {}, keys);
    const c2 = await client();
    c2.send({ type: 'CreateSession', config: sessionConfig(keys, '2003') });
    expect(await c2.expect('SessionStatus')).toMatchObject({ sessionId: first.sessionId, status: SessionStatusCode.Created });
    expect(await first.client.expectDisconnect()).toBe('session taken over');
    expect(stub!.stats()).toMatchObject({ sessions: 1, errors: 0 });
  });

  it('ends a detached session after the timeout; its Guaranteed senders get 5', async () => {
    await start({ sessionTimeoutMs: 200 });
    const a = await open2003Session(await client(), { 'i2cp.messageReliability': 'Guaranteed' });
    const b = await open2003Session(await client());
    send(a, b, Uint8Array.of(7));
    const accepted = await a.client.expect('MessageStatus');
    await b.client.expect('MessageStatus');
    b.client.close();
    expect(await a.client.expect('MessageStatus', 3000)).toMatchObject({ messageId: accepted.messageId, status: MessageStatusCode.GuaranteedFailure });
    expect(stub!.stats().sessions).toBe(1);
  });

  it('delivers between dialects: a Guaranteed 2003 sender gets 4 once a fastReceive current session has the payload', async () => {
    await start();
    const a = await open2003Session(await client(), { 'i2cp.messageReliability': 'Guaranteed' });
    const current = await RawClient.tcp(stub!.address.port, 'current');
    clients.push(current);
    const b = await openCurrentSession(current);
    send(a, b, Uint8Array.of(6, 6));
    const accepted = await a.client.expect('MessageStatus');
    expect((await current.expect('MessagePayload')).payload).toEqual(Uint8Array.of(6, 6));
    expect(await a.client.expect('MessageStatus')).toMatchObject({ messageId: accepted.messageId, status: MessageStatusCode.GuaranteedSuccess });
    b.client.send({ type: 'SendMessage', sessionId: b.sessionId, destination: a.keys.destination, payload: Uint8Array.of(7), nonce: 1 });
    expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.Available);
    await b.client.expect('MessageStatus');
    expect(await b.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 1 });
  });

  it('fails a send to an unknown destination: 3 for BestEffort, 5 for Guaranteed', async () => {
    await start();
    const a = await open2003Session(await client());
    send(a, { keys: newKeys('dsa') }, Uint8Array.of(1));
    await a.client.expect('MessageStatus');
    expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.BestEffortFailure);
    a.client.send({ type: 'ReconfigureSession', sessionId: a.sessionId, config: sessionConfig(a.keys, '2003', { 'i2cp.messageReliability': 'Guaranteed' }) });
    expect((await a.client.expect('SessionStatus')).status).toBe(SessionStatusCode.Updated);
    send(a, { keys: newKeys('dsa') }, Uint8Array.of(1));
    await a.client.expect('MessageStatus');
    expect((await a.client.expect('MessageStatus')).status).toBe(MessageStatusCode.GuaranteedFailure);
  });
});

describe('2003 dialect: abuse and admin', () => {
  it('notices a client that closes while its admin request is still pending', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const admin: RouterAdminHandler = {
      attach: () => undefined,
      handle: async (): Promise<AdminOutcome> => {
        await released;
        return { kind: 'disconnect', reason: 'authentication failed' };
      },
      close: () => Promise.resolve(),
    };
    await start({ admin });
    const c = await client();
    c.send({ type: 'GetPeers', authenticationKey: new Uint8Array(32) });
    c.send({ type: 'GetPeers', authenticationKey: new Uint8Array(32) });
    await eventually(() => stub!.stats().connections === 1);
    c.close();
    await eventually(() => stub!.stats().connections === 0);
    release();
    const other = await open2003Session(await client());
    expect(other.sessionId).toBeGreaterThan(0);
  });

  it('records ReportAbuse from a client', async () => {
    await start();
    const a = await open2003Session(await client());
    a.client.send({ type: 'ReportAbuse', sessionId: a.sessionId, severity: 10, reason: 'spam', messageId: 0 });
    await sync2003(a.client);
    expect(stub!.stats().abuseReports).toBe(1);
  });

  it('sends ReportAbuse to a session flooded by another (threshold per second)', async () => {
    await start({ limits: { floodMessagesPerSecond: 5 } });
    const a = await open2003Session(await client());
    const b = await open2003Session(await client());
    for (let i = 0; i < 10; i++) send(a, b, Uint8Array.of(i));
    const abuse = await b.client.waitFor('ReportAbuse');
    expect(abuse.sessionId).toBe(b.sessionId);
    expect(abuse.reason).toMatch(/flooded/);
  });

  it('answers admin messages with a Disconnect when no admin handler is configured', async () => {
    await start();
    const c = await client();
    c.send({ type: 'GetBandwidthLimits', authenticationKey: new Uint8Array(32) });
    expect(await c.expectDisconnect()).toBe(NO_ADMIN_HANDLER_REASON);
  });

  it('routes admin messages to the handler and keeps their order on the connection', async () => {
    const seen: string[] = [];
    const admin: RouterAdminHandler = {
      attach: () => undefined,
      handle: async (request: AdminRequest, context): Promise<AdminOutcome> => {
        seen.push(`${request.type}@${context.dialect}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (request.type === 'GetAddressRotationPeriod') return { kind: 'reply', message: { type: 'AddressRotationPeriod', seconds: 600 } };
        if (request.type === 'ForceAddressRotation') return { kind: 'none' };
        return { kind: 'disconnect', reason: 'authentication failed' };
      },
      close: () => Promise.resolve(),
    };
    await start({ admin });
    const c = await client();
    const key = new Uint8Array(32);
    c.send({ type: 'ForceAddressRotation', authenticationKey: key });
    c.send({ type: 'GetAddressRotationPeriod', authenticationKey: key });
    expect(await c.expect('AddressRotationPeriod')).toMatchObject({ seconds: 600 });
    c.send({ type: 'GetPeers', authenticationKey: key });
    expect(await c.expectDisconnect()).toBe('authentication failed');
    expect(seen).toEqual(['ForceAddressRotation@2003', 'GetAddressRotationPeriod@2003', 'GetPeers@2003']);
  });
});
