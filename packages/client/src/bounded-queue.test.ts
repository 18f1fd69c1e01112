import { describe, expect, test } from 'vitest';
import { I2cpError } from '@i2cp/data';
import { BoundedQueue } from './bounded-queue.js';

async function collect<T>(q: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of q) out.push(x);
  return out;
}

describe('BoundedQueue', () => {
  test('yields pushed items in order and ends', async () => {
    const q = new BoundedQueue<number>(4);
    q.push(1);
    q.push(2);
    q.end();
    expect(await collect(q)).toEqual([1, 2]);
  });

  test('hands an item straight to a waiting consumer', async () => {
    const q = new BoundedQueue<string>(1);
    const it = q[Symbol.asyncIterator]();
    const next = it.next();
    q.push('a');
    expect(await next).toEqual({ value: 'a', done: false });
  });

  test('drops the oldest item when full and counts it', async () => {
    const q = new BoundedQueue<number>(2);
    for (const n of [1, 2, 3, 4]) q.push(n);
    q.end();
    expect(q.dropped).toBe(2);
    expect(await collect(q)).toEqual([3, 4]);
  });

  test('an error ending is thrown after the buffered items', async () => {
    const q = new BoundedQueue<number>(2);
    q.push(1);
    q.end(new I2cpError('DISCONNECTED', 'gone'));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of q) seen.push(n);
      })(),
    ).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(seen).toEqual([1]);
  });

  test('break releases the queue: later pushes are refused and the release hook runs once', async () => {
    let released = 0;
    const q = new BoundedQueue<number>(4, () => released++);
    q.push(1);
    q.push(2);
    for await (const n of q) {
      expect(n).toBe(1);
      break;
    }
    expect(q.push(3)).toBe(false);
    expect(released).toBe(1);
  });

  test('natural end also runs the release hook', async () => {
    let released = 0;
    const q = new BoundedQueue<number>(1, () => released++);
    q.end();
    await collect(q);
    expect(released).toBe(1);
  });

  test('rejects a second consumer and a bad capacity', () => {
    const q = new BoundedQueue<number>(1);
    q[Symbol.asyncIterator]();
    expect(() => q[Symbol.asyncIterator]()).toThrow(/one consumer/);
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });

  test('drain takes everything buffered', () => {
    const q = new BoundedQueue<number>(3);
    q.push(1);
    q.push(2);
    expect(q.drain()).toEqual([1, 2]);
    expect(q.size).toBe(0);
  });

  test('consumed(item) comes when the consumer asks for the next item, or leaves; dropped(item) for items never given out', async () => {
    const consumed: number[] = [];
    const dropped: number[] = [];
    const q = new BoundedQueue<number>(2, undefined, { consumed: (n) => consumed.push(n), dropped: (n) => dropped.push(n) });
    const it = q[Symbol.asyncIterator]();
    const waiting = it.next();
    q.push(1); // straight to the waiting consumer
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(consumed).toEqual([]);
    for (const n of [2, 3, 4]) q.push(n); // 2 is dropped: capacity 2
    expect(dropped).toEqual([2]);
    expect(await it.next()).toEqual({ value: 3, done: false });
    expect(consumed).toEqual([1]);
    await it.return?.();
    expect(consumed).toEqual([1, 3]);
    expect(dropped).toEqual([2, 4]);
  });

  test('the last item is consumed when the consumer finds the queue ended', async () => {
    const consumed: string[] = [];
    const q = new BoundedQueue<string>(4, undefined, { consumed: (s) => consumed.push(s) });
    q.push('a');
    q.end(new I2cpError('ABORTED', 'stop'));
    const it = q[Symbol.asyncIterator]();
    expect(await it.next()).toEqual({ value: 'a', done: false });
    await expect(it.next()).rejects.toMatchObject({ code: 'ABORTED' });
    expect(consumed).toEqual(['a']);
  });
});
