// 2003 sends with `reliability: 'none'`: the caller does not wait for the status, but the session
// still follows it, so the session tags such a message carries become usable once the router
// reports success, and later messages go out with a tag instead of an ElGamal block. The ElGamal
// blocks the sender makes are counted by wrapping @i2cp/data's elgamalEncrypt.
import { describe, expect, test, vi } from 'vitest';
import { bytesEqual, generateDestination } from '@i2cp/data';
import { connect, type ReceivedMessage, type Session } from '../src/index.js';
import { useCleanups } from './helpers/cleanups.js';
import { nextMessage, patterned } from './helpers/targets.js';

const elgamal = vi.hoisted(() => ({ blocks: 0 }));
vi.mock('@i2cp/data', async (importOriginal) => {
  const data = await importOriginal<typeof import('@i2cp/data')>();
  return {
    ...data,
    elgamalEncrypt: (...args: Parameters<typeof data.elgamalEncrypt>) => {
      elgamal.blocks++;
      return data.elgamalEncrypt(...args);
    },
  };
});

const { later, stubWith } = useCleanups();

async function open(port: number): Promise<{ session: Session; inbox: AsyncIterator<ReceivedMessage> }> {
  const connection = await connect({ host: '127.0.0.1', port, dialect: '2003', signal: AbortSignal.timeout(5000) });
  later(() => connection.close());
  const session = await connection.createSession({ keys: generateDestination({ sigType: 0 }), signal: AbortSignal.timeout(5000) });
  return { session, inbox: session.messages()[Symbol.asyncIterator]() };
}

/** Resolves once the router has answered everything `session` wrote before (replies come in order). */
async function barrier(session: Session): Promise<void> {
  await session.reconfigure({}, { signal: AbortSignal.timeout(5000) });
}

const NONE = { reliability: 'none' } as const;

describe("2003, reliability 'none'", () => {
  test('after the first message is reported queued, later ones are sealed with its session tags; the receiver reads every one', async () => {
    const stub = await stubWith();
    const b = await open(stub.address.port);
    const a = await open(stub.address.port);
    elgamal.blocks = 0;
    expect(await a.session.send(b.session.destination, patterned(20, 0), NONE)).toMatchObject({ status: undefined, name: 'Sent' });
    expect(elgamal.blocks).toBe(1);
    const received = [patterned(20, 0)];
    // 60 more, in rounds of 10 with a barrier between them: by then the router's "2 queued" for the
    // round before has been read, so the tags it confirmed (40 per delivery) are there to use.
    for (let round = 1; round <= 6; round++) {
      await barrier(a.session);
      for (let i = 0; i < 10; i++) {
        const data = patterned(20 + i, round * 100 + i);
        await a.session.send(b.session.destination, data, NONE);
        received.push(data);
      }
    }
    for (const data of received) expect(bytesEqual((await nextMessage(b.inbox, 5000)).payload, data)).toBe(true);
    expect(elgamal.blocks).toBe(1);
  });

  test('tags of a message the router reports failed are never used: the next message opens with ElGamal again', async () => {
    const stub = await stubWith();
    const a = await open(stub.address.port);
    // Nobody has this Destination: BestEffort reports 3 (failure).
    const nowhere = generateDestination({ sigType: 0 }).destination;
    elgamal.blocks = 0;
    await a.session.send(nowhere, patterned(20, 1), NONE);
    await barrier(a.session);
    await a.session.send(nowhere, patterned(20, 2), NONE);
    expect(elgamal.blocks).toBe(2);
  });

  test('messages sent before any status came each carry an ElGamal block, and all are read', async () => {
    const stub = await stubWith();
    const b = await open(stub.address.port);
    const a = await open(stub.address.port);
    elgamal.blocks = 0;
    // Sent back to back: no status has been read yet, so no tag is usable for any of them.
    await Promise.all([1, 2, 3].map((i) => a.session.send(b.session.destination, patterned(30, i), NONE)));
    expect(elgamal.blocks).toBe(3);
    for (const i of [1, 2, 3]) expect(bytesEqual((await nextMessage(b.inbox, 5000)).payload, patterned(30, i))).toBe(true);
  });
});
