import { describe, expect, test } from 'vitest';
import { b32Address, bytesEqual, destinationHash, generateDestination, isI2cpError } from '@i2cp/data';
import { Protocol } from '../../src/index.js';
import { nextMessage, openPair, openSession, patterned, useConnections, type Target } from './targets.js';

const LS1 = { 'i2cp.leaseSetType': '1' } as const;
const LS2 = { 'i2cp.leaseSetType': '3', 'i2cp.leaseSetEncType': '4,0' } as const;

/**
 * The client suite every router runs: the router stub in both dialects (TCP and in-memory) and
 * i2pd 2.45.1 in the current dialect. Where a router cannot pass, the test says why.
 */
export function clientSuite(target: Target): void {
  const { dialect } = target;
  const current = dialect === 'current';
  const onI2pd = target.router === 'i2pd';
  const t = target.timeoutMs;
  const { track } = useConnections();

  describe(target.name, () => {
    test('handshake: connects, learns the router clock (current), closes cleanly', async () => {
      const connection = await target.connect();
      expect(connection.state).toBe('open');
      expect(connection.dialect).toBe(dialect);
      expect(connection.sessions).toEqual([]);
      expect(connection.routerNow() - Date.now() - connection.clockOffsetMs).toBeLessThanOrEqual(0);
      if (current) {
        expect(typeof connection.routerVersion).toBe('string');
        expect(Number.isFinite(connection.clockOffsetMs)).toBe(true);
      } else {
        expect(connection.routerVersion).toBeUndefined();
      }
      await connection.close();
      expect(connection.state).toBe('closed');
      await expect(connection.closed).resolves.toBeUndefined();
    }, t);

    // Inapplicable cases are not registered at all (a plain `if`), so nothing reports as skipped.
    // Current dialect only: 2003 has its own lease set (the next case), not the current LS1 or LeaseSet2.
    if (current) test('sessions publish LS1 and LS2 lease sets', async () => {
      const [ls1, ls2] = await Promise.all([openSession(target, track, LS1), openSession(target, track, LS2)]);
      for (const { connection, session } of [ls1, ls2]) {
        expect(session.state).toBe('open');
        expect(session.id).toBeGreaterThanOrEqual(0);
        expect(connection.sessions).toEqual([session]);
      }
      expect(ls1.session.options.get('i2cp.leaseSetType')).toBe('1');
    }, t);

    // 2003 only: the 2003 lease set (with full RouterIdentities) exists in that dialect alone.
    if (!current) test('a 2003 session publishes its 2003 lease set', async () => {
      const { session } = await openSession(target, track);
      expect(session.state).toBe('open');
    }, t);

    // 2003 only: the draft knows DSA keys; Ed25519 Destinations (KEY certificate, ElGamal crypto) publish
    // 2003 lease sets whose revocation key and signature have the Ed25519 sizes (ARCHITECTURE §3).
    if (!current) test('2003 sessions with Ed25519 keys publish lease sets and exchange messages', async () => {
      const recipient = (await openSession(target, track, {}, generateDestination())).session;
      const sender = (await openSession(target, track, {}, generateDestination())).session;
      expect(recipient.destination.signingPublicKey.sigType).toBe(7);
      const inbox = recipient.messages()[Symbol.asyncIterator]();
      const data = patterned(2000, 7);
      const result = await sender.send(recipient.destination, data, { signal: AbortSignal.timeout(t / 2) });
      expect(result).toMatchObject({ success: true, final: true });
      const received = await nextMessage(inbox);
      expect(bytesEqual(received.payload, data)).toBe(true);
    }, t);

    test('payloads of 1 B, 1 KiB and 40 KiB arrive byte-identical at an LS1 recipient', async () => {
      const { sender, recipient } = await openPair(target, track, LS1, current ? LS1 : {});
      const inbox = recipient.messages()[Symbol.asyncIterator]();
      for (const size of [1, 1024, 40 * 1024]) {
        const data = patterned(size, size);
        const result = await sender.send(recipient.destination, data, {
          protocol: Protocol.RawDatagram,
          fromPort: 1234,
          toPort: 5678,
          signal: AbortSignal.timeout(t / 2),
        });
        expect(result).toMatchObject({ success: true, final: true });
        const received = await nextMessage(inbox);
        expect(received.payload.length).toBe(size);
        expect(bytesEqual(received.payload, data)).toBe(true);
        if (current) expect(received).toMatchObject({ protocol: Protocol.RawDatagram, fromPort: 1234, toPort: 5678 });
      }
    }, t);

    // Current dialect only: 2003 has no LeaseSet2.
    // i2pd 2.45.1 loses LS2 destinations from its network database (fixed in 2.48.0), but not on every run:
    // sends then fail with 5 or 21 (observed: 5,21,21,21,21,21), and in about one run of three all of them
    // get through. An expected failure would itself fail on those runs, so on i2pd every send must either
    // arrive byte-identical or fail with one of the known statuses of that bug, and nothing else.
    const ls2BugStatuses = [5, 21];
    if (current) test(onI2pd ? 'LS2 recipient: each send arrives intact or fails with the 2.45.1 LS2 bug\'s status (5 or 21)' : 'delivers to an LS2 recipient', async () => {
      const { sender, recipient } = await openPair(target, track, LS1, LS2);
      const inbox = recipient.messages()[Symbol.asyncIterator]();
      const data = patterned(3000);
      for (let i = 0; i < 6; i++) {
        const result = await sender.send(recipient.destination, data, { signal: AbortSignal.timeout(t / 8) });
        if (onI2pd && !result.success) {
          expect(ls2BugStatuses).toContain(result.status);
          continue;
        }
        expect(result.success).toBe(true);
        expect(bytesEqual((await nextMessage(inbox, 5000)).payload, data)).toBe(true);
      }
    }, t);

    // Current dialect only: 2003 payloads have no protocol field, so no repliable datagrams.
    if (current) test('repliable datagrams carry the verified sender', async () => {
      const { sender, recipient } = await openPair(target, track, LS1, LS1);
      const inbox = recipient.messages({ protocol: Protocol.RepliableDatagram })[Symbol.asyncIterator]();
      const data = new TextEncoder().encode('reply to me');
      const result = await sender.send(recipient.destination, data, { protocol: Protocol.RepliableDatagram, signal: AbortSignal.timeout(t / 2) });
      expect(result.success).toBe(true);
      const received = await nextMessage(inbox);
      expect(bytesEqual(received.payload, data)).toBe(true);
      expect(received.sender !== undefined && bytesEqual(received.sender.bytes, sender.destination.bytes)).toBe(true);
    }, t);

    // Current dialect only, like protocol 17. The router passes the payloads through; the client signs and verifies.
    if (current) test('Datagram2 carries the verified sender, Datagram3 the sender hash', async () => {
      const { sender, recipient } = await openPair(target, track, LS1, LS1);
      const d2 = recipient.messages({ protocol: Protocol.Datagram2 })[Symbol.asyncIterator]();
      const d3 = recipient.messages({ protocol: Protocol.Datagram3 })[Symbol.asyncIterator]();
      const data = new TextEncoder().encode('datagram 2 and 3');
      for (const protocol of [Protocol.Datagram2, Protocol.Datagram3]) {
        const result = await sender.send(recipient.destination, data, { protocol, toPort: 9, signal: AbortSignal.timeout(t / 4) });
        expect(result.success).toBe(true);
      }
      const signed = await nextMessage(d2);
      expect(signed).toMatchObject({ protocol: 19, toPort: 9 });
      expect(bytesEqual(signed.payload, data)).toBe(true);
      expect(signed.sender !== undefined && bytesEqual(signed.sender.bytes, sender.destination.bytes)).toBe(true);
      const hashed = await nextMessage(d3);
      expect(hashed).toMatchObject({ protocol: 20, toPort: 9 });
      expect(bytesEqual(hashed.payload, data)).toBe(true);
      expect(hashed.sender).toBeUndefined();
      expect(hashed.senderHash !== undefined && bytesEqual(hashed.senderHash, destinationHash(sender.destination))).toBe(true);
      expect(recipient.rejectedMessages).toBe(0);
    }, t);

    test('an unknown destination gets a typed failure status', async () => {
      const { session } = await openSession(target, track, LS1);
      const nowhere = generateDestination(dialect === '2003' ? { sigType: 0 } : {}).destination;
      const result = await session.send(nowhere, patterned(100), { signal: AbortSignal.timeout(t / 2) });
      // Current routers: 21 NoLeaseSet; 2003 best effort: 3 BestEffortFailure.
      expect(result).toMatchObject(current ? { status: 21, name: 'NoLeaseSet', success: false } : { status: 3, name: 'BestEffortFailure', success: false });
    }, t);

    test('fire-and-forget (nonce 0) resolves at once and still delivers', async () => {
      const { sender, recipient } = await openPair(target, track, LS1, current ? LS1 : {});
      const inbox = recipient.messages()[Symbol.asyncIterator]();
      const result = await sender.send(recipient.destination, patterned(10), { reliability: 'none' });
      expect(result).toEqual({ status: undefined, name: 'Sent', success: true, final: true, messageId: undefined });
      expect(bytesEqual((await nextMessage(inbox)).payload, patterned(10))).toBe(true);
    }, t);

    // Current dialect only: 2003 knows best-effort and guaranteed delivery (statuses 2-5); "none" came with API 0.9.4.
    if (current) test('i2cp.messageReliability=none (any case): only the final status comes, and it is reported', async () => {
      const { sender, recipient } = await openPair(target, track, { ...LS1, 'i2cp.messageReliability': 'None' }, LS1);
      expect(sender.options.get('i2cp.messageReliability')).toBe('None');
      const inbox = recipient.messages()[Symbol.asyncIterator]();
      const result = await sender.send(recipient.destination, patterned(64), { signal: AbortSignal.timeout(t / 2) });
      expect(result).toMatchObject({ success: true, final: true });
      expect(bytesEqual((await nextMessage(inbox)).payload, patterned(64))).toBe(true);
    }, t);

    // Current dialect only: HostLookup does not exist in 2003 (the next case checks that it says so).
    if (current) test('lookups: b32 addresses and hashes resolve, unknown names fail typed, sends take b32 strings', async () => {
      const { sender: asker, recipient: known } = await openPair(target, track, LS1, LS1);
      const address = b32Address(known.destination);
      const found = await asker.lookup(address, { signal: AbortSignal.timeout(t / 3) });
      expect(bytesEqual(found.bytes, known.destination.bytes)).toBe(true);
      const byHash = await asker.lookup(destinationHash(known.destination), { signal: AbortSignal.timeout(t / 3) });
      expect(bytesEqual(byHash.bytes, known.destination.bytes)).toBe(true);
      await expect(asker.lookup('no-such-host.i2p', { signal: AbortSignal.timeout(t / 3) })).rejects.toMatchObject({
        name: 'LookupError',
        code: 'LOOKUP_FAILED',
      });
      const inbox = known.messages()[Symbol.asyncIterator]();
      const result = await asker.send(address, patterned(50), { signal: AbortSignal.timeout(t / 3) });
      expect(result.success).toBe(true);
      expect(bytesEqual((await nextMessage(inbox)).payload, patterned(50))).toBe(true);
    }, t);

    // 2003 only: the current dialect has lookups (the case above).
    if (!current) test('lookups are not part of the 2003 dialect and say so', async () => {
      const { session } = await openSession(target, track);
      await expect(session.lookup('anything.i2p')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    }, t);

    test('reconfigure: the router accepts new options; bad lease-set options fail before sending', async () => {
      const { session } = await openSession(target, track, LS1);
      await session.reconfigure({ 'outbound.quantity': '1', 'i2cp.test.option': 'x' }, { signal: AbortSignal.timeout(t / 3) });
      expect(session.options.get('i2cp.test.option')).toBe('x');
      if (current) await expect(session.reconfigure({ 'i2cp.leaseSetType': '7' })).rejects.toMatchObject({ code: 'BAD_CONFIG' });
      expect(session.state).toBe('open');
    }, t);

    test('destroy: close() ends the session; later calls fail typed; iterators finish', async () => {
      const { connection, session } = await openSession(target, track, LS1);
      const inbox = session.messages();
      const drained = (async () => {
        const got = [];
        for await (const m of inbox) got.push(m);
        return got;
      })();
      await session.close();
      await expect(session.closed).resolves.toBeUndefined();
      expect(session.state).toBe('closed');
      await expect(drained).resolves.toEqual([]);
      await expect(session.send(session.destination, patterned(1))).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
      // Current routers (i2pd, Java, the router stub) close the socket after destroying a connection's only
      // session; that is a clean end too. A 2003 router keeps the connection.
      if (current) await expect(connection.closed).resolves.toBeUndefined();
      else expect(connection.state).toBe('open');
    }, t);

    test('bandwidth limits', async () => {
      const connection = track(await target.connect());
      if (current) {
        const result = await connection.bandwidthLimits({ signal: AbortSignal.timeout(5000) });
        expect(result.dialect).toBe('current');
        expect(result.limits).toHaveLength(16);
      } else {
        await expect(connection.bandwidthLimits()).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
      }
    }, t);

    test('aborting createSession and send rejects with ABORTED / TIMEOUT and leaves the connection usable', async () => {
      const connection = track(await target.connect());
      const controller = new AbortController();
      const creating = connection.createSession({ keys: target.keys(), options: target.sessionOptions, signal: controller.signal });
      controller.abort();
      await expect(creating).rejects.toMatchObject({ code: 'ABORTED' });
      const { session } = await openSession(target, track, LS1);
      const aborted = new AbortController();
      aborted.abort();
      await expect(session.send(session.destination, patterned(1), { signal: aborted.signal })).rejects.toMatchObject({ code: 'ABORTED' });
      const timedOut = AbortSignal.timeout(1);
      await new Promise((r) => setTimeout(r, 5));
      await expect(session.send(session.destination, patterned(1), { signal: timedOut })).rejects.toMatchObject({ code: 'TIMEOUT' });
      const sent = await session.send(generateDestination(dialect === '2003' ? { sigType: 0 } : {}).destination, patterned(1), {
        signal: AbortSignal.timeout(t / 3),
      });
      expect(isI2cpError(sent)).toBe(false);
      expect(sent.final).toBe(true);
    }, t);
  });
}
