import { describe, expect, test } from 'vitest';
import { abortError, delay, raceSignal, throwIfAborted } from './abort.js';

describe('abort helpers', () => {
  test('a timeout signal becomes TIMEOUT, any other abort ABORTED, with the reason as cause', () => {
    const timeout = new AbortController();
    const reason = new DOMException('t', 'TimeoutError');
    timeout.abort(reason);
    expect(abortError(timeout.signal)).toMatchObject({ code: 'TIMEOUT', cause: reason });
    const plain = new AbortController();
    plain.abort('why');
    expect(abortError(plain.signal)).toMatchObject({ code: 'ABORTED', cause: 'why' });
    expect(() => throwIfAborted(plain.signal)).toThrow(expect.objectContaining({ code: 'ABORTED' }) as Error);
  });

  test('raceSignal rejects on abort, runs the cleanup and removes its listener', async () => {
    const c = new AbortController();
    let cleaned = 0;
    const never = new Promise<number>(() => undefined);
    const raced = raceSignal(never, c.signal, () => cleaned++);
    c.abort();
    await expect(raced).rejects.toMatchObject({ code: 'ABORTED' });
    expect(cleaned).toBe(1);
  });

  test('raceSignal passes results and rejections through', async () => {
    const c = new AbortController();
    await expect(raceSignal(Promise.resolve(7), c.signal)).resolves.toBe(7);
    await expect(raceSignal(Promise.reject(new Error('x')), c.signal)).rejects.toThrow('x');
    c.abort();
    await expect(raceSignal(Promise.resolve(7), c.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });

  test('delay can be aborted', async () => {
    const c = new AbortController();
    const waiting = delay(60_000, c.signal);
    c.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
