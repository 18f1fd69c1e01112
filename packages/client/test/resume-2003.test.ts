// 2003 receiving across dropped links and new processes: a held message is ended only once the
// application is done with it, an unreadable one never, and a session resumed elsewhere with the
// saved end-to-end state reads what the router kept. Loopback only; every wait is bounded.
import { describe, expect, test } from 'vitest';
import { bytesEqual, generateDestination, type Destination } from '@i2cp/data';
import type { RouterStub } from '@i2cp/router-stub';
import { connect, type ConnectOptions, type E2eStateStore, type Logger, type ReceivedMessage, type SendResult, type Session } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage, patterned } from './helpers/targets.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

const { later, stubWith } = useCleanups();
const FAST_RECONNECT = { initialDelayMs: 10, maxDelayMs: 50 } as const;
const GUARANTEED = { 'i2cp.messageReliability': 'Guaranteed' } as const;

type Keys = ReturnType<typeof generateDestination>;

interface Opened {
  readonly session: Session;
  readonly inbox: AsyncIterator<ReceivedMessage>;
}

async function open(
  port: number,
  keys: Keys,
  extra: { options?: Record<string, string>; e2eState?: E2eStateStore; connect?: Partial<ConnectOptions> } = {},
): Promise<Opened> {
  const connection = await connect({ host: '127.0.0.1', port, dialect: '2003', signal: AbortSignal.timeout(5000), ...extra.connect });
  later(() => connection.close());
  const session = await connection.createSession({
    keys,
    options: extra.options ?? {},
    ...(extra.e2eState === undefined ? {} : { e2eState: extra.e2eState }),
    signal: AbortSignal.timeout(5000),
  });
  return { session, inbox: session.messages()[Symbol.asyncIterator]() };
}

/** An in-memory E2eStateStore; `frozen()` is what a process killed right now would leave behind. */
function memoryStore(initial?: Uint8Array): E2eStateStore & { frozen(): Uint8Array | undefined; saves: number } {
  let bytes = initial;
  return {
    saves: 0,
    load: () => bytes,
    save(state) {
      bytes = state.slice();
      this.saves++;
    },
    frozen: () => bytes?.slice(),
  };
}

/** A send whose settling the test can look at without waiting for it. */
function tracked(p: Promise<SendResult>): { readonly promise: Promise<SendResult>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => {
    done = true;
  });
  return { promise, settled: () => done };
}

/** Resolves once the router has read everything `session` wrote before (a reconfigure is answered in order). */
async function barrier(session: Session): Promise<void> {
  await session.reconfigure({}, { signal: AbortSignal.timeout(5000) });
}

async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} (not within ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A sender whose first message to `to` was read and ended: its next ones are sealed with session tags. */
async function warmedUp(stub: RouterStub, to: Opened): Promise<Opened> {
  const sender = await open(stub.address.port, generateDestination({ sigType: 0 }), { options: GUARANTEED });
  const first = sender.session.send(to.session.destination, patterned(10, 0), { signal: AbortSignal.timeout(5000) });
  expect(bytesEqual((await nextMessage(to.inbox)).payload, patterned(10, 0))).toBe(true);
  const next = to.inbox.next(); // done with the first one: it is ended
  next.catch(() => undefined); // whoever takes it sees the outcome; a session ending unread is no failure
  expect(await first).toMatchObject({ status: 4, success: true });
  // Hand `next` back to the caller's inbox: whatever arrives next resolves it.
  pending.set(to.inbox, next);
  return sender;
}

const pending = new WeakMap<AsyncIterator<ReceivedMessage>, Promise<IteratorResult<ReceivedMessage>>>();
async function take(inbox: AsyncIterator<ReceivedMessage>, ms = 5000): Promise<ReceivedMessage> {
  const waiting = pending.get(inbox);
  pending.delete(inbox);
  if (waiting === undefined) return nextMessage(inbox, ms);
  return nextMessage({ next: () => waiting }, ms);
}

/** The consumer is done with what it was handed last (asks for more; whatever comes is not looked at). */
function doneWith(inbox: AsyncIterator<ReceivedMessage>): void {
  inbox.next().catch(() => undefined);
}

function capture(): { readonly logger: Logger; readonly warnings: string[] } {
  const warnings: string[] = [];
  const ignore = (): void => undefined;
  return { warnings, logger: { debug: ignore, info: ignore, warn: (msg) => warnings.push(msg), error: ignore } };
}

function send(from: Opened, to: Destination, data: Uint8Array): ReturnType<typeof tracked> {
  return tracked(from.session.send(to, data, { signal: AbortSignal.timeout(10_000) }));
}

describe('2003 receiving: ended only once the application is done with a message', () => {
  test('Guaranteed success comes when the consumer asks for the next message, not when it is handed out', async () => {
    const stub = await stubWith();
    const b = await open(stub.address.port, generateDestination({ sigType: 0 }));
    const a = await open(stub.address.port, generateDestination({ sigType: 0 }), { options: GUARANTEED });
    const sent = send(a, b.session.destination, patterned(20));
    const got = await nextMessage(b.inbox);
    expect(bytesEqual(got.payload, patterned(20))).toBe(true);
    await barrier(b.session);
    expect(stub.stats().queuedMessages).toBe(1);
    expect(sent.settled()).toBe(false);
    doneWith(b.inbox);
    expect(await sent.promise).toMatchObject({ status: 4, success: true, messageId: expect.any(Number) });
    await barrier(b.session);
    expect(stub.stats().queuedMessages).toBe(0);
  });

  test('leaving the loop ends the message last handed out', async () => {
    const stub = await stubWith();
    const b = await open(stub.address.port, generateDestination({ sigType: 0 }));
    const a = await open(stub.address.port, generateDestination({ sigType: 0 }), { options: GUARANTEED });
    const sent = send(a, b.session.destination, patterned(5));
    for await (const m of b.session.messages()) {
      expect(bytesEqual(m.payload, patterned(5))).toBe(true);
      break;
    }
    expect(await sent.promise).toMatchObject({ status: 4 });
  });

  test('after the link drops, a message already here is neither fetched nor delivered twice, and is ended once read', async () => {
    const stub = await stubWith();
    const proxy = await startTcpProxy(stub.address);
    later(() => proxy.close());
    const { logger, warnings } = capture();
    const b = await open(proxy.port, generateDestination({ sigType: 0 }), { connect: { autoReconnect: FAST_RECONNECT, logger } });
    const a = await warmedUp(stub, b);
    const first = send(a, b.session.destination, patterned(30, 1));
    const got = await take(b.inbox);
    expect(bytesEqual(got.payload, patterned(30, 1))).toBe(true);
    proxy.killAll();
    await until(() => b.session.state === 'suspended', 'the drop was not noticed');
    await until(() => b.session.state === 'open', 'the session did not come back');
    // The router announced the held message again on the new link; a second one follows it.
    const second = send(a, b.session.destination, patterned(30, 2));
    const next = await nextMessage(b.inbox);
    expect(bytesEqual(next.payload, patterned(30, 2))).toBe(true);
    expect(await first.promise).toMatchObject({ status: 4 });
    doneWith(b.inbox);
    expect(await second.promise).toMatchObject({ status: 4 });
    await barrier(b.session);
    expect(stub.stats().queuedMessages).toBe(0);
    expect(warnings).toEqual([]);
  });
});

describe('2003: a session resumed by a new process', () => {
  test('with the saved end-to-end state it reads what the router kept; without it, an unreadable message is never ended', async () => {
    const stub = await stubWith();
    const proxy = await startTcpProxy(stub.address);
    later(() => proxy.close());
    const keys = generateDestination({ sigType: 0 });
    const store = memoryStore();
    const b1 = await open(proxy.port, keys, { e2eState: store });
    const a = await warmedUp(stub, b1);
    expect(store.saves).toBeGreaterThan(0); // the 40 tags of the first message, before it was ended

    // Sealed with a tag; handed to b1's application, which is "killed" before it is done with it.
    const sent = send(a, b1.session.destination, patterned(40, 7));
    const handed = await take(b1.inbox);
    expect(bytesEqual(handed.payload, patterned(40, 7))).toBe(true);
    const left = store.frozen();
    proxy.killAll();
    await until(() => b1.session.state === 'closed', 'the first receiver did not notice the drop');

    // A process without the state: it cannot read the message, and leaves it with the router.
    const { logger, warnings } = capture();
    const b2 = await open(stub.address.port, keys, { connect: { logger } });
    expect(b2.session.id).toBe(b1.session.id);
    await until(() => warnings.includes('dropped an unreadable payload'), 'no warning about the unreadable payload');
    await barrier(b2.session);
    expect(stub.stats().queuedMessages).toBe(1);
    expect(sent.settled()).toBe(false);

    // A process with the state takes the session over and reads it, once, under the same MessageId.
    const b3 = await open(stub.address.port, keys, { e2eState: memoryStore(left) });
    const again = await nextMessage(b3.inbox);
    expect(bytesEqual(again.payload, patterned(40, 7))).toBe(true);
    expect(again.messageId).toBe(handed.messageId);
    doneWith(b3.inbox);
    expect(await sent.promise).toMatchObject({ status: 4, success: true });
  });

  test('a sender whose tagged message failed opens the next one with ElGamal, which a receiver without the state reads', async () => {
    const stub = await stubWith();
    const proxy = await startTcpProxy(stub.address);
    later(() => proxy.close());
    const keys = generateDestination({ sigType: 0 });
    const b1 = await open(proxy.port, keys);
    const a = await warmedUp(stub, b1);
    proxy.killAll();
    await until(() => b1.session.state === 'closed', 'the first receiver did not notice the drop');
    const b2 = await open(stub.address.port, keys);
    const lost = send(a, b2.session.destination, patterned(50, 1));
    await barrier(a.session);
    // b2 cannot read it and goes away: the router reports the guaranteed message failed.
    await b2.session.close();
    expect(await lost.promise).toMatchObject({ status: 5, success: false });
    const b3 = await open(stub.address.port, keys);
    const next = send(a, b3.session.destination, patterned(50, 2));
    expect(bytesEqual((await nextMessage(b3.inbox)).payload, patterned(50, 2))).toBe(true);
    doneWith(b3.inbox);
    expect(await next.promise).toMatchObject({ status: 4 });
  });
});

describe('e2eState option', () => {
  test('a state that cannot be saved is logged; the message is still delivered and ended', async () => {
    const stub = await stubWith();
    const { logger, warnings } = capture();
    const failing: E2eStateStore = {
      load: () => undefined,
      save: () => {
        throw new Error('disk full');
      },
    };
    const b = await open(stub.address.port, generateDestination({ sigType: 0 }), { e2eState: failing, connect: { logger } });
    const a = await open(stub.address.port, generateDestination({ sigType: 0 }), { options: GUARANTEED });
    const sent = send(a, b.session.destination, patterned(8));
    expect(bytesEqual((await nextMessage(b.inbox)).payload, patterned(8))).toBe(true);
    doneWith(b.inbox);
    expect(await sent.promise).toMatchObject({ status: 4 });
    expect(warnings).toContain('could not save the end-to-end state');
  });

  test('is refused in the current dialect; a corrupt state fails createSession with STATE_CORRUPT', async () => {
    const stub = await stubWith();
    const current = await connect({ host: '127.0.0.1', port: stub.address.port, signal: AbortSignal.timeout(5000) });
    later(() => current.close());
    await expect(current.createSession({ keys: generateDestination(), e2eState: memoryStore() })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    const draft = await connect({ host: '127.0.0.1', port: stub.address.port, dialect: '2003', signal: AbortSignal.timeout(5000) });
    later(() => draft.close());
    await expect(
      draft.createSession({ keys: generateDestination({ sigType: 0 }), e2eState: memoryStore(Uint8Array.of(1, 2, 3)) }),
    ).rejects.toMatchObject({ code: 'STATE_CORRUPT' });
    expect(draft.state).toBe('open');
  });
});
