// Datagram2 (19) and Datagram3 (20) through sessions on the router stub (current dialect): offline
// sessions sign Datagram2 with their transient key, and a Datagram2 that does not verify at the
// recipient (changed on the way, or made for another Destination) is dropped, warned and counted.
import { describe, expect, it } from 'vitest';
import { bytesEqual, destinationHash, generateDestination, generateOfflineKeys, readPrivateKeyFile, writePrivateKeyFile } from '@i2cp/data';
import { FrameDecoder, decodeMessage, encodeMessage, type Message } from '@i2cp/codec';
import { connect, decodePayload, encodeDatagram2, encodePayload, Protocol, type Connection, type Logger, type Transport } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage } from './helpers/targets.js';

const { later, stubWith } = useCleanups();
const T = 15_000;

async function connection(transport: () => Transport, logger?: Logger): Promise<Connection> {
  const c = await connect({ transport, dialect: 'current', signal: AbortSignal.timeout(5000), ...(logger === undefined ? {} : { logger }) });
  later(() => c.close());
  return c;
}

/**
 * Passes everything through, except that the datagram inside each protocol-19 SendMessage payload
 * is replaced by `rewrite(datagram)`: a man in the middle between the client and the router.
 */
function tampering(inner: Transport, rewrite: (datagram: Uint8Array) => Uint8Array): Transport {
  const decoder = new FrameDecoder();
  let protocolByteSeen = false;
  const rewritten = (m: Message): Message => {
    if (m.type !== 'SendMessage' && m.type !== 'SendMessageExpires') return m;
    const payload = decodePayload(m.payload);
    return payload.protocol === Protocol.Datagram2 ? { ...m, payload: encodePayload({ ...payload, data: rewrite(payload.data) }) } : m;
  };
  return {
    [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
    close: () => inner.close(),
    async write(chunk) {
      if (!protocolByteSeen) {
        // The current dialect opens with the protocol byte, before any frame.
        protocolByteSeen = true;
        await inner.write(chunk.subarray(0, 1));
        chunk = chunk.subarray(1);
      }
      for (const frame of decoder.push(chunk)) await inner.write(encodeMessage(rewritten(decodeMessage(frame, 'current')), 'current'));
    },
  };
}

describe('Datagram2 and Datagram3 through sessions (router stub, current dialect)', () => {
  it('a session with offline keys only sends offline-signed Datagram2s the peer verifies, and reads those sent to it', async () => {
    const stub = await stubWith({ dialect: 'auto' });
    const c = await connection(() => stub.connectMemory());
    const full = generateDestination();
    const offline = generateOfflineKeys(full, { expires: Date.now() + 3_600_000 });
    const session = await c.createSession({ keys: { destination: full.destination, privateKey: full.privateKey }, offline, signal: AbortSignal.timeout(T) });
    // The peer shares the connection, so it is a subsession of the first session (same public key).
    const peer = await c.createSession({ keys: generateDestination({ subsessionOf: full }), signal: AbortSignal.timeout(T) });

    const peerInbox = peer.messages()[Symbol.asyncIterator]();
    for (const protocol of [Protocol.Datagram2, Protocol.Datagram3]) {
      expect(await session.send(peer.destination, Uint8Array.of(protocol), { protocol, signal: AbortSignal.timeout(T) })).toMatchObject({ success: true });
      const received = await nextMessage(peerInbox);
      expect(received.payload).toEqual(Uint8Array.of(protocol));
      if (protocol === Protocol.Datagram2) expect(received.sender?.bytes).toEqual(full.destination.bytes);
      else expect(received.senderHash).toEqual(destinationHash(full.destination));
    }

    const inbox = session.messages()[Symbol.asyncIterator]();
    await peer.send(session.destination, Uint8Array.of(7), { protocol: Protocol.Datagram2, signal: AbortSignal.timeout(T) });
    const back = await nextMessage(inbox);
    expect(back.sender?.bytes).toEqual(peer.destination.bytes);
    expect(session.rejectedMessages + peer.rejectedMessages).toBe(0);
  }, 30_000);

  it('a session from a key file with offline keys (Java/i2pd layout) signs its Datagram2s with the transient key', async () => {
    const stub = await stubWith({ dialect: 'auto' });
    const c = await connection(() => stub.connectMemory());
    const full = generateDestination();
    // Made where the Destination's key is kept; only the file reaches the online machine.
    const file = writePrivateKeyFile({ destination: full.destination, privateKey: full.privateKey, offline: generateOfflineKeys(full, { expires: Date.now() + 3_600_000 }) });
    const keys = readPrivateKeyFile(file, { allowOffline: true });
    if (!('offline' in keys)) throw new Error('expected offline keys');
    const session = await c.createSession({ keys, offline: keys.offline, signal: AbortSignal.timeout(T) });
    const peer = await c.createSession({ keys: generateDestination({ subsessionOf: keys }), signal: AbortSignal.timeout(T) });
    const peerInbox = peer.messages()[Symbol.asyncIterator]();
    await session.send(peer.destination, Uint8Array.of(5), { protocol: Protocol.Datagram2, signal: AbortSignal.timeout(T) });
    expect((await nextMessage(peerInbox)).sender?.bytes).toEqual(full.destination.bytes);
  }, 30_000);

  it('a Datagram2 changed on the way or made for another Destination is dropped, warned and counted, never delivered', async () => {
    const stub = await stubWith({ dialect: 'auto' });
    const senderKeys = generateDestination();
    const carol = generateDestination();
    const forgeries: ((datagram: Uint8Array) => Uint8Array)[] = [
      (datagram) => {
        const changed = datagram.slice();
        changed[senderKeys.destination.bytes.length + 3]! ^= 1; // a payload byte (flags are 2 bytes)
        return changed;
      },
      // A genuine datagram, signed by the sender, but for Carol: what a replay to Bob would look like.
      () => encodeDatagram2(senderKeys, carol.destination, Uint8Array.of(9, 9)),
    ];
    let next = 0;
    const senderConnection = await connection(() =>
      tampering(stub.connectMemory(), (datagram) => {
        const forge = forgeries[next++];
        return forge === undefined ? datagram : forge(datagram);
      }),
    );
    const warnings: string[] = [];
    const ignore = (): void => undefined;
    const logger: Logger = { debug: ignore, info: ignore, warn: (msg) => warnings.push(msg), error: ignore };
    const bobConnection = await connection(() => stub.connectMemory(), logger);
    const sender = await senderConnection.createSession({ keys: senderKeys, signal: AbortSignal.timeout(T) });
    const bob = await bobConnection.createSession({ keys: generateDestination(), signal: AbortSignal.timeout(T) });

    const inbox = bob.messages()[Symbol.asyncIterator]();
    for (const forged of [1, 2]) {
      await sender.send(bob.destination, Uint8Array.of(forged), { protocol: Protocol.Datagram2, signal: AbortSignal.timeout(T) });
    }
    // The untouched datagram after them is the first thing Bob reads: the forgeries were not delivered.
    await sender.send(bob.destination, Uint8Array.of(4, 5), { protocol: Protocol.Datagram2, signal: AbortSignal.timeout(T) });
    const received = await nextMessage(inbox);
    expect(received.payload).toEqual(Uint8Array.of(4, 5));
    expect(received.sender !== undefined && bytesEqual(received.sender.bytes, senderKeys.destination.bytes)).toBe(true);
    expect(bob.rejectedMessages).toBe(2);
    expect(warnings.filter((w) => w === 'dropped an unreadable payload')).toHaveLength(2);
  }, 30_000);
});
