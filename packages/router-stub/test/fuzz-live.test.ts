// A short, seeded live fuzz in the suite (the long one is `pnpm fuzz`, scripts/fuzz/README.md):
// connections send mutated frames of every message of both dialects (the fuzzer's seed corpus and
// mutators), some after a valid session opening, while a pair of good sessions exchanges
// messages. The stub must log no internal error, deliver every good message, and let go of every
// hostile connection and session afterwards.
import { readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fromHex } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { mutate, randomFor } from '../../../scripts/fuzz/mutate.mjs';
import { RawClient, eventually, newKeys, openCurrentSession, sessionConfig, startStub } from './helpers.js';
import { encodeMessage } from '@i2cp/codec';

const SEEDS_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../scripts/fuzz/seeds.json');
const SEED = 20261122;
const CONNECTIONS = 400;
const CONCURRENCY = 24;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function loadSeeds(): Record<Dialect, Uint8Array[]> {
  const file = JSON.parse(readFileSync(SEEDS_FILE, 'utf8')) as Record<Dialect, { hex: string }[]>;
  return { '2003': file['2003'].map((s) => fromHex(s.hex)), current: file.current.map((s) => fromHex(s.hex)) };
}

/** One hostile connection: its bytes depend only on (SEED, index). Resolves once it is closed. */
async function hostile(port: number, index: number, seeds: Record<Dialect, Uint8Array[]>): Promise<void> {
  const r = randomFor(SEED, index);
  const dialect: Dialect = r.next() < 0.5 ? '2003' : 'current';
  const socket = tcpConnect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await Promise.race([new Promise((resolve) => socket.once('connect', resolve)), closed]);
  if (dialect === 'current') socket.write(Uint8Array.of(0x2a));
  if (r.next() < 0.3) {
    const keys = newKeys(dialect === '2003' ? 'dsa' : 'ed25519');
    if (dialect === 'current') socket.write(encodeMessage({ type: 'GetDate', version: '0.9.67' }, 'current'));
    socket.write(encodeMessage({ type: 'CreateSession', config: sessionConfig(keys, dialect) }, dialect));
  }
  for (let n = 1 + r.int(4); n > 0 && !socket.destroyed; n--) socket.write(mutate(r, seeds[dialect]).bytes);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 50))]);
  socket.destroy();
  await closed;
}

test(`${CONNECTIONS} connections of mutated frames (seed ${SEED}) beside a good pair: no internal error, every good message, nothing kept`, async () => {
  const { stub, logs } = await startStub({ sessionTimeoutMs: 300, limits: { handshakeTimeoutMs: 1000 } });
  cleanups.push(() => stub.close());
  const a = await RawClient.tcp(stub.address.port, 'current');
  const b = await RawClient.tcp(stub.address.port, 'current');
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  const from = await openCurrentSession(a);
  const to = await openCurrentSession(b);

  const seeds = loadSeeds();
  let next = 0;
  let done = false;
  const attack = Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CONNECTIONS) await hostile(stub.address.port, next++, seeds);
    }),
  ).finally(() => {
    done = true;
  });

  // The good pair: one message at a time while the attack lasts, each must arrive.
  let delivered = 0;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the attack's finally, meanwhile
  while (!done) {
    const payload = Uint8Array.of(delivered >> 8, delivered & 0xff, 1, 2, 3);
    from.client.send({ type: 'SendMessage', sessionId: from.sessionId, destination: to.keys.destination, payload, nonce: 0 });
    const m = await to.client.expect('MessagePayload', 5000);
    expect(m.payload).toEqual(payload);
    delivered++;
  }
  await attack;

  expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  expect(delivered).toBeGreaterThan(0);
  // Every hostile connection and session is let go: only the pair remains.
  await eventually(() => stub.stats().connections === 2 && stub.stats().sessions === 2, 5000);
}, 60_000);
