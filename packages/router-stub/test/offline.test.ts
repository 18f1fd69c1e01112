// Offline (transient) signing keys over raw frames: CreateSession signed by a transient key the
// Destination authorised in the options, and LeaseSet2s consistent with that authorisation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LS2_FLAG_OFFLINE,
  createOfflineSignature,
  generateEncryptionKeys,
  generateOfflineKeys,
  generateSigningKeys,
  mappingFrom,
  offlineSignatureOptions,
  randomBytes,
  signLeaseSet2,
  signSessionConfig,
} from '@i2cp/data';
import type { DestinationKeys, OfflineKeys, OfflineSignature, SessionConfig, SigningPrivateKey } from '@i2cp/data';
import { MessageStatusCode, SessionStatusCode } from '@i2cp/codec';
import type { Message } from '@i2cp/codec';
import type { RouterStub } from '../src/index.js';
import { RawClient, leaseSet1Message, newKeys, openCurrentSession, startStub } from './helpers.js';

let stub: RouterStub;
const clients: RawClient[] = [];

/** A client on the in-memory transport, past GetDate/SetDate. */
async function client(): Promise<RawClient> {
  const c = RawClient.memory(stub, 'current');
  clients.push(c);
  c.send({ type: 'GetDate', version: '0.9.67' });
  await c.expect('SetDate');
  return c;
}

beforeEach(async () => {
  stub = (await startStub()).stub;
});

afterEach(async () => {
  while (clients.length > 0) clients.pop()?.close();
  await stub.close();
});

const inAnHour = (): number => Date.now() + 3_600_000;

/** A current SessionConfig carrying `block` in its options, signed by `signer` (normally the transient key). */
function offlineConfig(keys: DestinationKeys, block: OfflineSignature, signer: SigningPrivateKey, extra: Record<string, string> = {}): SessionConfig {
  const options = new Map([...offlineSignatureOptions(block), ['i2cp.fastReceive', 'true'], ...Object.entries(extra)]);
  return signSessionConfig({ destination: keys.destination, options, date: Date.now() }, signer, 'current');
}

/** An LS2 answering `leases`, with `block` in its header when given, signed by `signer`. */
function leaseSet2(
  keys: DestinationKeys,
  sessionId: number,
  leases: readonly { gateway: Uint8Array; tunnelId: number; endDate: number }[],
  block: OfflineSignature | undefined,
  signer: SigningPrivateKey,
): Message {
  const encryption = generateEncryptionKeys(4);
  const header = block === undefined ? { flags: 0 } : { flags: LS2_FLAG_OFFLINE, offlineSignature: block };
  const leaseSet = signLeaseSet2(
    {
      destination: keys.destination,
      publishedSeconds: Math.floor(Date.now() / 1000),
      expiresOffsetSeconds: 600,
      ...header,
      options: new Map(),
      encryptionKeys: [encryption.publicKey],
      leases: leases.map((l) => ({ gateway: l.gateway, tunnelId: l.tunnelId, endSeconds: Math.floor(l.endDate / 1000) })),
    },
    signer,
  );
  return { type: 'CreateLeaseSet2', sessionId, store: { storeType: 3, leaseSet }, privateKeys: [encryption.privateKey] };
}

/** CreateSession with offline keys up to the router's lease-set request. */
async function created(c: RawClient, keys: DestinationKeys, offline: OfflineKeys) {
  c.send({ type: 'CreateSession', config: offlineConfig(keys, offline.offlineSignature, offline.transientSigningPrivateKey) });
  const status = await c.expect('SessionStatus');
  expect(status.status).toBe(SessionStatusCode.Created);
  const request = await c.expect('RequestVariableLeaseSet');
  return { sessionId: status.sessionId, leases: request.leases };
}

describe('CreateSession with offline keys', () => {
  it('accepts a SessionConfig signed by an authorised transient key; the session receives and sends', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet2(keys, sessionId, leases, offline.offlineSignature, offline.transientSigningPrivateKey));
    c.send({ type: 'GetBandwidthLimits' });
    await c.expect('BandwidthLimits');

    const peer = await openCurrentSession(await client(), undefined, undefined, false);
    peer.client.send({ type: 'SendMessage', sessionId: peer.sessionId, destination: keys.destination, payload: Uint8Array.of(1, 2), nonce: 0 });
    expect(await c.expect('MessagePayload')).toMatchObject({ sessionId, payload: Uint8Array.of(1, 2) });
    c.send({ type: 'SendMessage', sessionId, destination: peer.keys.destination, payload: Uint8Array.of(3), nonce: 5 });
    expect(await c.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.Accepted, nonce: 5 });
    expect(await c.expect('MessageStatus')).toMatchObject({ status: MessageStatusCode.LocalSuccess, nonce: 5 });
    expect(await peer.client.expect('MessagePayload')).toMatchObject({ payload: Uint8Array.of(3) });
  });

  it('accepts a DSA Destination with an ECDSA transient key (the signature sized by the transient type)', async () => {
    const keys = newKeys('dsa');
    const offline = generateOfflineKeys(keys, { expires: inAnHour(), sigType: 1 });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet2(keys, sessionId, leases, offline.offlineSignature, offline.transientSigningPrivateKey));
    c.send({ type: 'GetBandwidthLimits' });
    await c.expect('BandwidthLimits');
    expect(stub.stats()).toMatchObject({ sessions: 1 });
  });

  it('ends the connection when the authorisation has expired on the router clock', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: Date.now() - 60_000 });
    const c = await client();
    c.send({ type: 'CreateSession', config: offlineConfig(keys, offline.offlineSignature, offline.transientSigningPrivateKey) });
    expect(await c.expectDisconnect()).toMatch(/^CreateSession refused: offline signature for tunnel expired 20\d\d-/);
    expect(stub.stats()).toMatchObject({ sessions: 0 });
  });

  it("ends the connection on an offline signature the Destination did not make", async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const sig = offline.offlineSignature.signature;
    const forged = { ...offline.offlineSignature, signature: { ...sig, bytes: sig.bytes.map((b, i) => (i === 0 ? b ^ 1 : b)) } };
    const c = await client();
    c.send({ type: 'CreateSession', config: offlineConfig(keys, forged, offline.transientSigningPrivateKey) });
    expect(await c.expectDisconnect()).toMatch(/^CreateSession refused: bad SessionConfig signature/);
    // Authorised by another Destination's key.
    const other = generateOfflineKeys(newKeys(), { expires: inAnHour() });
    const c2 = await client();
    c2.send({ type: 'CreateSession', config: offlineConfig(keys, other.offlineSignature, other.transientSigningPrivateKey) });
    expect(await c2.expectDisconnect()).toMatch(/^CreateSession refused: bad SessionConfig signature/);
  });

  it('ends the connection when another key than the authorised transient key signed', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    c.send({ type: 'CreateSession', config: offlineConfig(keys, offline.offlineSignature, generateSigningKeys(7).privateKey) });
    expect(await c.expectDisconnect()).toMatch(/^CreateSession refused: bad SessionConfig signature/);
  });

  it('ends the connection on malformed offline options and on a transient type it cannot verify', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    c.send({
      type: 'CreateSession',
      config: offlineConfig(keys, offline.offlineSignature, offline.transientSigningPrivateKey, { 'i2cp.leaseSetOfflineSignature': '~~~' }),
    });
    expect(await c.expectDisconnect()).toMatch(/^CreateSession refused: malformed offline signature options/);

    // Ed25519ph (type 8): a key the Destination authorised, but the stub has no Ed25519ph verification.
    const phKey = { sigType: 8, bytes: randomBytes(32) };
    const phBlock = createOfflineSignature(keys.destination, keys.signingPrivateKey, phKey, Math.floor(inAnHour() / 1000));
    const options = new Map([...offlineSignatureOptions(phBlock), ['i2cp.fastReceive', 'true']]);
    const config: SessionConfig = { destination: keys.destination, options, date: Date.now(), signature: { sigType: 8, bytes: randomBytes(64) } };
    const c2 = await client();
    c2.send({ type: 'CreateSession', config });
    expect(await c2.expectDisconnect()).toMatch(/^CreateSession refused: unsupported transient signature type 8/);
  });

  it('ReconfigureSession of an offline session is signed by the transient key too', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId } = await created(c, keys, offline);
    const config = offlineConfig(keys, offline.offlineSignature, offline.transientSigningPrivateKey, { 'inbound.quantity': '2' });
    c.send({ type: 'ReconfigureSession', sessionId, config });
    expect(await c.waitFor('SessionStatus')).toMatchObject({ sessionId, status: SessionStatusCode.Updated });
    const bad = offlineConfig(keys, offline.offlineSignature, generateSigningKeys(7).privateKey);
    c.send({ type: 'ReconfigureSession', sessionId, config: bad });
    expect(await c.waitFor('SessionStatus')).toMatchObject({ sessionId, status: SessionStatusCode.Invalid });
  });
});

describe('lease sets of offline sessions', () => {
  it("ends the connection on an LS2 without the session's offline block (signed by the Destination key)", async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet2(keys, sessionId, leases, undefined, keys.signingPrivateKey));
    expect(await c.expectDisconnect()).toMatch(/^CreateLeaseSet2 refused: the session signs with offline keys: the LeaseSet2 must carry/);
  });

  it('ends the connection on an LS2 signed by another (also authorised) transient key', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const second = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet2(keys, sessionId, leases, second.offlineSignature, second.transientSigningPrivateKey));
    expect(await c.expectDisconnect()).toMatch(/^CreateLeaseSet2 refused: the LeaseSet2 is signed by another transient key/);
  });

  it('ends the connection on an LS1, which cannot carry offline keys', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet1Message(keys, sessionId, leases));
    expect(await c.expectDisconnect()).toMatch(/^CreateLeaseSet refused: the session signs with offline keys: an LS1 cannot carry them/);
  });

  it('ends the connection on an LS2 whose transient key does not sign it', async () => {
    const keys = newKeys();
    const offline = generateOfflineKeys(keys, { expires: inAnHour() });
    const c = await client();
    const { sessionId, leases } = await created(c, keys, offline);
    c.send(leaseSet2(keys, sessionId, leases, offline.offlineSignature, generateSigningKeys(7).privateKey));
    expect(await c.expectDisconnect()).toMatch(/^CreateLeaseSet2 refused: bad lease set signature/);
  });

  it('ends the connection on an expired offline block in the LS2 of an ordinary session', async () => {
    const keys = newKeys();
    const c = await client();
    c.send({
      type: 'CreateSession',
      config: signSessionConfig({ destination: keys.destination, options: mappingFrom({}), date: Date.now() }, keys.signingPrivateKey, 'current'),
    });
    const { sessionId } = await c.expect('SessionStatus');
    const { leases } = await c.expect('RequestVariableLeaseSet');
    const stale = generateOfflineKeys(keys, { expires: Date.now() - 60_000 });
    c.send(leaseSet2(keys, sessionId, leases, stale.offlineSignature, stale.transientSigningPrivateKey));
    expect(await c.expectDisconnect()).toMatch(/^CreateLeaseSet2 refused: offline signature for lease set expired/);
  });
});
