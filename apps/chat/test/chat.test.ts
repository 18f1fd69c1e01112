import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRouterStub } from '@i2cp/router-stub';
import type { RouterStub } from '@i2cp/router-stub';
import { parseB32Address, toBase64 } from '@i2cp/data';
import { Chat, shortB32 } from '../src/chat.js';
import type { ChatEvent, Incoming } from '../src/chat.js';

// The chat core on an in-memory router stub: no terminal, no TCP.
let stub: RouterStub;
beforeAll(async () => {
  stub = await createRouterStub({ port: 0, logLevel: 'silent' });
});
afterAll(async () => {
  await stub.close();
});

interface Participant {
  readonly chat: Chat;
  readonly events: ChatEvent[];
  next(kind: ChatEvent['kind']): Promise<ChatEvent>;
}

const open: Chat[] = [];

async function join(name: string, dialect: 'current' | '2003' = 'current'): Promise<Participant> {
  const events: ChatEvent[] = [];
  const waiters: { kind: ChatEvent['kind']; resolve: (e: ChatEvent) => void }[] = [];
  let seen = 0;
  const chat = await Chat.open({
    name,
    dialect,
    connect: { transport: () => stub.connectMemory() },
    onEvent: (e) => {
      events.push(e);
      const i = waiters.findIndex((w) => w.kind === e.kind);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(e);
    },
  });
  open.push(chat);
  return {
    chat,
    events,
    next(kind) {
      const earlier = events.slice(seen).find((e) => e.kind === kind);
      seen = events.length;
      if (earlier !== undefined) return Promise.resolve(earlier);
      return new Promise((resolve) => waiters.push({ kind, resolve }));
    },
  };
}

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
});

const short = (address: string): string => shortB32(parseB32Address(address));

describe('Chat', () => {
  test('a message by name arrives with the verified sender; the reply goes to the learnt destination', async () => {
    const alice = await join('alice1');
    const bob = await join('bob1');
    const sent = alice.chat.send('bob1', 'hello');
    const got = (await bob.next('received')) as { message: Incoming };
    expect(got.message).toMatchObject({ name: 'alice1', text: 'hello', verified: short(alice.chat.address) });
    expect((await alice.chat.settled(sent)).state).toBe('delivered');
    expect(bob.chat.peers.get('alice1')).toMatchObject({ source: 'seen', b32: short(alice.chat.address) });
    expect(bob.chat.current).toBe('alice1');
    const reply = bob.chat.send('alice1', 'hi');
    expect((await bob.chat.settled(reply)).state).toBe('delivered');
    expect(bob.chat.history.map((h) => h.kind)).toEqual(['in', 'out']);
  });

  test('a failed message keeps its text and reason; retry delivers it', async () => {
    const alice = await join('alice2');
    const m = alice.chat.send('dave2', 'are you there?');
    await alice.chat.settled(m);
    expect(m).toMatchObject({ state: 'failed', status: 'LOOKUP_FAILED', text: 'are you there?', attempts: 1 });
    await join('dave2');
    const [again] = alice.chat.retry();
    expect(again).toBe(m);
    await alice.chat.settled(m);
    expect(m).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(alice.chat.retry()).toEqual([]);
  });

  test('someone else using a known name is flagged', async () => {
    const bob = await join('bob3');
    const alice = await join('alice3');
    alice.chat.send('bob3', 'the real alice');
    await bob.next('received');
    // Another destination takes the same name; its signature tells them apart.
    const impostor = await join('alice3');
    impostor.chat.send('bob3', 'trust me');
    const notice = await bob.next('notice');
    expect(notice).toMatchObject({ kind: 'notice' });
    expect((notice as { text: string }).text).toMatch(/careful: this 'alice3' .* is not the alice3 you know/);
  });

  test('/add with a .b32.i2p address and with a base64 destination', async () => {
    const bob = await join('bob4');
    const alice = await join('alice4');
    alice.chat.add('b', bob.chat.address);
    expect((await alice.chat.settled(alice.chat.send('b', 'via b32'))).state).toBe('delivered');
    expect(() => alice.chat.add('x', 'not-a-destination')).toThrow();
    expect(alice.chat.peers.has('x')).toBe(false);
  });

  test('2003 dialect: names need /add of the destination; messages carry the sender destination, shown unverified', async () => {
    const bob = await join('bob5', '2003');
    const alice = await join('alice5', '2003');
    const byName = alice.chat.send('bob5', 'hi');
    await alice.chat.settled(byName);
    expect(byName).toMatchObject({ state: 'failed', status: 'LOOKUP_FAILED' });
    expect(byName.reason).toMatch(/\/add NAME with the base64 destination/);
    alice.chat.add('bob5', toBase64(bob.chat.destination.bytes));
    expect((await alice.chat.settled(alice.chat.send('bob5', 'hi again'))).state).toBe('delivered');
    const got = (await bob.next('received')) as { message: Incoming };
    expect(got.message).toMatchObject({ name: 'alice5', text: 'hi again', verified: undefined });
    expect((await bob.chat.settled(bob.chat.send('alice5', 'reply'))).state).toBe('delivered');
  });
});

