// Sessions with offline (transient) signing keys, on the router stub: the stub verifies the
// SessionConfig and every LeaseSet2 against the offline block (router-stub/src/offline.ts), so a
// session that works here signed both with the transient key and published the block.
import { describe, expect, it } from 'vitest';
import { generateDestination, generateOfflineKeys, isI2cpError, type OfflineKeys } from '@i2cp/data';
import { connect, Protocol, type Connection, type SessionKeys } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage } from './helpers/targets.js';

const { later, stubWith } = useCleanups();
const T = 15_000;

async function connection(dialect: 'current' | '2003' = 'current'): Promise<Connection> {
  const stub = await stubWith({ dialect: 'auto' });
  const c = await connect({ transport: () => stub.connectMemory(), dialect, signal: AbortSignal.timeout(5000) });
  later(() => c.close());
  return c;
}

/** Destination keys split as offline keys are used: the session gets no Destination signing key. */
function offlineOnly(sigType = 7, transientType = 7, expires = Date.now() + 3_600_000): { keys: SessionKeys; offline: OfflineKeys } {
  const full = generateDestination({ sigType });
  const offline = generateOfflineKeys(full, { expires, sigType: transientType });
  return { keys: { destination: full.destination, privateKey: full.privateKey }, offline };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isI2cpError(e)) return e.code;
    throw e;
  }
  return 'none';
}

describe('sessions with offline keys (router stub, current dialect)', () => {
  it('a session without the Destination key receives, sends and reconfigures; the offline options stay out of session.options', async () => {
    const c = await connection();
    const { keys, offline } = offlineOnly();
    const session = await c.createSession({ keys, offline, signal: AbortSignal.timeout(T) });
    // The peer is a subsession of the offline session (same public key), as on a Java router.
    const peer = await c.createSession({ keys: generateDestination({ subsessionOf: keys }), signal: AbortSignal.timeout(T) });
    expect(session.options.get('i2cp.leaseSetTransientPublicKey')).toBeUndefined();

    const inbox = session.messages()[Symbol.asyncIterator]();
    const toOffline = await peer.send(session.destination, Uint8Array.of(1, 2, 3), { signal: AbortSignal.timeout(T) });
    expect(toOffline).toMatchObject({ success: true, final: true });
    expect((await nextMessage(inbox)).payload).toEqual(Uint8Array.of(1, 2, 3));

    const peerInbox = peer.messages()[Symbol.asyncIterator]();
    const fromOffline = await session.send(peer.destination, Uint8Array.of(4), { protocol: Protocol.RawDatagram, signal: AbortSignal.timeout(T) });
    expect(fromOffline).toMatchObject({ success: true, final: true });
    expect((await nextMessage(peerInbox)).payload).toEqual(Uint8Array.of(4));

    // Reconfigure is signed by the transient key as well (the stub verifies it).
    await session.reconfigure({ 'inbound.quantity': '2' }, { signal: AbortSignal.timeout(T) });
    expect(session.options.get('inbound.quantity')).toBe('2');
  }, 30_000);

  it('a DSA Destination with an ECDSA P-256 transient key (signatures of another size than the Destination)', async () => {
    const c = await connection();
    const { keys, offline } = offlineOnly(0, 1);
    const session = await c.createSession({ keys, offline, signal: AbortSignal.timeout(T) });
    expect(session.state).toBe('open');
  }, 30_000);

  it('refuses repliable datagrams, which only the Destination key can sign', async () => {
    const c = await connection();
    const { keys, offline } = offlineOnly();
    const session = await c.createSession({ keys, offline, signal: AbortSignal.timeout(T) });
    // The peer is a subsession of the offline session (same public key), as on a Java router.
    const peer = await c.createSession({ keys: generateDestination({ subsessionOf: keys }), signal: AbortSignal.timeout(T) });
    await expect(session.send(peer.destination, Uint8Array.of(1), { protocol: Protocol.RepliableDatagram })).rejects.toMatchObject({
      code: 'BAD_KEY',
      message: expect.stringMatching(/repliable datagrams/) as unknown,
    });
  }, 30_000);

  it('refuses LS1 with offline keys (BAD_CONFIG), at creation and on reconfigure', async () => {
    const c = await connection();
    const { keys, offline } = offlineOnly();
    const refused = c.createSession({ keys, offline, options: { 'i2cp.leaseSetType': '1' } });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_CONFIG', message: expect.stringMatching(/LS1 .* cannot carry an offline signature/) as unknown });
    const session = await c.createSession({ keys, offline, signal: AbortSignal.timeout(T) });
    expect(await codeOf(session.reconfigure({ 'i2cp.leaseSetType': '1' }))).toBe('BAD_CONFIG');
    expect(session.state).toBe('open');
  }, 30_000);

  it('refuses offline keys the Destination did not authorise, or for another transient key', async () => {
    const c = await connection();
    const { keys } = offlineOnly();
    const foreign = generateOfflineKeys(generateDestination(), { expires: Date.now() + 3_600_000 });
    expect(await codeOf(c.createSession({ keys, offline: foreign }))).toBe('BAD_KEY');
    const { keys: keys2, offline } = offlineOnly();
    const other = generateOfflineKeys(generateDestination(), { expires: Date.now() + 3_600_000 });
    const swapped: OfflineKeys = { offlineSignature: offline.offlineSignature, transientSigningPrivateKey: other.transientSigningPrivateKey };
    expect(await codeOf(c.createSession({ keys: keys2, offline: swapped }))).toBe('BAD_KEY');
  });

  it('refuses an expired authorisation before the router sees it, and the connection stays usable', async () => {
    const c = await connection();
    const { keys, offline } = offlineOnly(7, 7, Date.now() - 60_000);
    const refused = c.createSession({ keys, offline, signal: AbortSignal.timeout(T) });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_KEY', message: expect.stringMatching(/offline signature expired/) as unknown });
    expect(c.state).toBe('open');
    const session = await c.createSession({ keys: generateDestination(), signal: AbortSignal.timeout(T) });
    expect(session.state).toBe('open');
  }, 30_000);

  it('refuses offline keys in the 2003 dialect (BAD_ARGUMENT)', async () => {
    const c = await connection('2003');
    const { keys, offline } = offlineOnly(0, 0);
    expect(await codeOf(c.createSession({ keys, offline }))).toBe('BAD_ARGUMENT');
  });

  it('still needs the Destination key without offline keys (TypeError)', async () => {
    const c = await connection();
    const { keys } = offlineOnly();
    await expect(c.createSession({ keys })).rejects.toThrow(TypeError);
  });
});
