import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { b32Address, destinationHash } from '@i2cp/data';
import { MessageStatusCode } from '@i2cp/codec';
import type { RouterStub } from '../src/index.js';
import { RawClient, newKeys, openCurrentSession, startStub } from './helpers.js';

let stub: RouterStub;
const clients: RawClient[] = [];

async function client(): Promise<RawClient> {
  const c = await RawClient.tcp(stub.address.port, 'current');
  clients.push(c);
  return c;
}

beforeEach(async () => {
  ({ stub } = await startStub());
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await stub.close();
});

describe('current dialect: handshake', () => {
  it('answers GetDate with SetDate carrying the router clock and its API version', async () => {
    const c = await client();
    const before = Date.now();
    c.send({ type: 'GetDate', version: '2.7.0' });
    const reply = await c.expect('SetDate');
    expect(reply.version).toBe('0.9.67');
    expect(reply.date).toBeGreaterThanOrEqual(before);
    expect(reply.date).toBeLessThanOrEqual(Date.now());
  });

  it('answers GetBandwidthLimits with 16 integers without a session', async () => {
    const c = await client();
    c.send({ type: 'GetBandwidthLimits' });
    const reply = await c.expect('BandwidthLimits');
    expect(reply.dialect).toBe('current');
    if (reply.dialect === 'current') expect(reply.limits).toHaveLength(16);
  });
});

describe('current dialect: sessions and delivery', () => {
  it('creates a session, takes an LS2 and delivers with Accepted then LocalSuccess (fastReceive)', async () => {
    const a = await openCurrentSession(await client());
    const b = await openCurrentSession(await client());
    expect(a.sessionId).not.toBe(b.sessionId);
    const payload = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload, nonce: 77 });
    const accepted = await a.client.expect('MessageStatus');
    expect(accepted).toMatchObject({ sessionId: a.sessionId, status: MessageStatusCode.Accepted, nonce: 77 });
    const final = await a.client.expect('MessageStatus');
    expect(final).toMatchObject({ sessionId: a.sessionId, messageId: accepted.messageId, status: MessageStatusCode.LocalSuccess, nonce: 77 });
    const got = await b.client.expect('MessagePayload');
    expect(got.sessionId).toBe(b.sessionId);
    expect(got.payload).toEqual(payload);
    expect(stub.stats()).toMatchObject({ sessions: 2, delivered: 1 });
  });

  it('sends no status for nonce 0 and only the final one with messageReliability=none', async () => {
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    const b = await openCurrentSession(await client());
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(1), nonce: 0 });
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(2), nonce: 5 });
    const only = await a.client.expect('MessageStatus');
    expect(only).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 5 });
    expect((await b.client.expect('MessagePayload')).payload).toEqual(Uint8Array.of(1));
    expect((await b.client.expect('MessagePayload')).payload).toEqual(Uint8Array.of(2));
    await a.client.expectSilence();
  });

  it('reports NoLeaseSet for an unknown destination and LoopbackDenied for itself', async () => {
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.messageReliability': 'none' });
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: newKeys().destination, payload: Uint8Array.of(1), nonce: 1 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.NoLeaseSet, nonce: 1 });
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: a.keys.destination, payload: Uint8Array.of(1), nonce: 2 });
    expect(await a.client.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LoopbackDenied, nonce: 2 });
  });

  it('uses the slow mode without fastReceive: MessageStatus(0, size), Begin → MessagePayload, End', async () => {
    const a = await openCurrentSession(await client());
    const b = await openCurrentSession(await client(), {});
    a.client.send({ type: 'SendMessage', sessionId: a.sessionId, destination: b.keys.destination, payload: Uint8Array.of(9, 8, 7), nonce: 0 });
    const available = await b.client.expect('MessageStatus');
    expect(available).toMatchObject({ sessionId: b.sessionId, status: MessageStatusCode.Available, size: 3 });
    b.client.send({ type: 'ReceiveMessageBegin', sessionId: b.sessionId, messageId: available.messageId });
    expect((await b.client.expect('MessagePayload')).payload).toEqual(Uint8Array.of(9, 8, 7));
    b.client.send({ type: 'ReceiveMessageEnd', sessionId: b.sessionId, messageId: available.messageId });
    b.client.send({ type: 'GetBandwidthLimits' });
    await b.client.expect('BandwidthLimits');
    expect(stub.stats().queuedMessages).toBe(0);
  });

  it('answers HostLookup by hash, by .b32.i2p, by i2cp.stub.hostname and fails unknown names', async () => {
    const a = await openCurrentSession(await client(), { 'i2cp.fastReceive': 'true', 'i2cp.stub.hostname': 'alice.i2p' });
    const c = a.client;
    const hash = destinationHash(a.keys.destination);
    c.send({ type: 'HostLookup', sessionId: a.sessionId, requestId: 1, timeoutMs: 10_000, key: { kind: 'hash', hash, withOptions: false } });
    expect(await c.expect('HostReply')).toMatchObject({ requestId: 1, resultCode: 0 });
    c.send({ type: 'HostLookup', sessionId: 0xffff, requestId: 2, timeoutMs: 10_000, key: { kind: 'hostname', hostname: b32Address(hash), withOptions: false } });
    const byB32 = await c.expect('HostReply');
    expect(byB32).toMatchObject({ sessionId: 0xffff, requestId: 2, resultCode: 0 });
    expect(byB32.destination?.bytes).toEqual(a.keys.destination.bytes);
    c.send({ type: 'HostLookup', sessionId: a.sessionId, requestId: 3, timeoutMs: 10_000, key: { kind: 'hostname', hostname: 'Alice.i2p', withOptions: true } });
    const byName = await c.expect('HostReply');
    expect(byName).toMatchObject({ requestId: 3, resultCode: 0 });
    expect(byName.options?.size).toBe(0);
    c.send({ type: 'HostLookup', sessionId: a.sessionId, requestId: 4, timeoutMs: 10_000, key: { kind: 'hostname', hostname: 'nobody.i2p', withOptions: false } });
    expect(await c.expect('HostReply')).toMatchObject({ requestId: 4, resultCode: 1 });
  });

  it('answers DestLookup with the Destination, or the hash on failure', async () => {
    const a = await openCurrentSession(await client());
    const hash = destinationHash(a.keys.destination);
    a.client.send({ type: 'DestLookup', hash });
    expect((await a.client.expect('DestReply')).destination?.bytes).toEqual(a.keys.destination.bytes);
    const unknown = new Uint8Array(32).fill(7);
    a.client.send({ type: 'DestLookup', hash: unknown });
    const reply = await a.client.expect('DestReply');
    expect(reply.destination).toBeUndefined();
    expect(reply.hash).toEqual(unknown);
  });

  it('serves the in-memory transport exactly like TCP', async () => {
    const m = RawClient.memory(stub, 'current');
    clients.push(m);
    const a = await openCurrentSession(m);
    const b = await openCurrentSession(await client());
    b.client.send({ type: 'SendMessage', sessionId: b.sessionId, destination: a.keys.destination, payload: Uint8Array.of(42), nonce: 0 });
    expect((await m.expect('MessagePayload')).payload).toEqual(Uint8Array.of(42));
  });
});
