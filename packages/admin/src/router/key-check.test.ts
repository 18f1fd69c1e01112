import { describe, expect, it } from 'vitest';
import { authenticationKeyFor } from '../auth-key.js';
import { KeyCheck } from './key-check.js';
import { hashAuthenticationKey, type PassphraseHash } from './passphrase-hash.js';

const KEY = authenticationKeyFor('the operator passphrase');
const WRONG = authenticationKeyFor('a guess');
const hash = (name: string): PassphraseHash => ({ algorithm: 'scrypt', N: 2, r: 1, p: 1, salt: name, hash: name });

/** A stand-in for scrypt that records the keys it was asked about and answers when told. */
function controlledMatch(correct: Uint8Array) {
  const calls: { key: Uint8Array; finish: () => void }[] = [];
  const match = (key: Uint8Array): Promise<boolean> =>
    new Promise((resolve) => {
      calls.push({ key, finish: () => resolve(Buffer.from(key).equals(correct)) });
    });
  return { calls, match };
}

/** A stand-in for scrypt that answers at once and counts its calls. */
function countingMatch(correct: Uint8Array) {
  const counter = { calls: 0 };
  const match = (key: Uint8Array): Promise<boolean> => {
    counter.calls++;
    return Promise.resolve(Buffer.from(key).equals(correct));
  };
  return { counter, match };
}

describe('KeyCheck', () => {
  it('decides by the remembered key alone: right and wrong keys need no scrypt', async () => {
    const { counter, match } = countingMatch(KEY);
    const keys = new KeyCheck({ match });
    keys.use(hash('a'), KEY);
    expect(await keys.verify(KEY)).toBe('valid');
    expect(await keys.verify(WRONG)).toBe('invalid');
    expect(await keys.verify(KEY.subarray(0, 31))).toBe('invalid');
    expect(await keys.verify(undefined)).toBe('invalid');
    expect(counter.calls).toBe(0);
  });

  it('checks with scrypt until a key is proven, then remembers it', async () => {
    const { counter, match } = countingMatch(KEY);
    const keys = new KeyCheck({ match });
    keys.use(hash('a'));
    expect(await keys.verify(WRONG)).toBe('invalid');
    expect(counter.calls).toBe(1);
    expect(keys.isKnown(KEY)).toBe(false);
    expect(await keys.verify(KEY)).toBe('valid');
    expect(counter.calls).toBe(2);
    expect(keys.isKnown(KEY)).toBe(true);
    expect(await keys.verify(KEY)).toBe('valid');
    expect(await keys.verify(WRONG)).toBe('invalid');
    expect(counter.calls).toBe(2);
  });

  it('a remembered key is its own copy', async () => {
    const { match } = countingMatch(KEY);
    const keys = new KeyCheck({ match });
    const given = KEY.slice();
    keys.use(hash('a'), given);
    given.fill(0);
    expect(await keys.verify(KEY)).toBe('valid');
  });

  it('a new hash forgets the old key at once', async () => {
    const next = authenticationKeyFor('the new passphrase');
    const { counter, match } = countingMatch(next);
    const keys = new KeyCheck({ match });
    keys.use(hash('a'), KEY);
    keys.use(hash('b'), next);
    expect(keys.isKnown(KEY)).toBe(false);
    expect(await keys.verify(KEY)).toBe('invalid');
    expect(await keys.verify(next)).toBe('valid');
    // A new hash without its key: nothing is remembered, scrypt decides again.
    keys.use(hash('c'));
    expect(keys.isKnown(next)).toBe(false);
    expect(await keys.verify(next)).toBe('valid');
    expect(counter.calls).toBe(1);
  });

  it('a key proven against a hash that was replaced during the check is refused and not remembered', async () => {
    const { calls, match } = controlledMatch(KEY);
    const keys = new KeyCheck({ match });
    keys.use(hash('a'));
    const checking = keys.verify(KEY);
    await expect.poll(() => calls.length).toBe(1);
    keys.use(hash('b'));
    calls[0]!.finish();
    expect(await checking).toBe('invalid');
    expect(keys.isKnown(KEY)).toBe(false);
  });

  it('runs at most `concurrency` scrypt checks at once', async () => {
    const { calls, match } = controlledMatch(KEY);
    const keys = new KeyCheck({ match, concurrency: 2 });
    keys.use(hash('a'));
    const checks = [WRONG, WRONG, WRONG, KEY].map((k) => keys.verify(k));
    await expect.poll(() => calls.length).toBe(2);
    calls[0]!.finish();
    await expect.poll(() => calls.length).toBe(3);
    calls[1]!.finish();
    calls[2]!.finish();
    await expect.poll(() => calls.length).toBe(4);
    calls[3]!.finish();
    expect(await Promise.all(checks)).toEqual(['invalid', 'invalid', 'invalid', 'valid']);
  });

  it('never runs a check whose signal aborted before its turn', async () => {
    const { calls, match } = controlledMatch(KEY);
    const keys = new KeyCheck({ match, concurrency: 1 });
    keys.use(hash('a'));
    const running = keys.verify(WRONG);
    const left = new AbortController();
    const abandoned = keys.verify(authenticationKeyFor('left before its turn'), left.signal);
    const waiting = keys.verify(KEY);
    await expect.poll(() => calls.length).toBe(1);
    left.abort();
    expect(await abandoned).toBe('aborted');
    calls[0]!.finish();
    await expect.poll(() => calls.length).toBe(2);
    calls[1]!.finish();
    expect(await running).toBe('invalid');
    expect(await waiting).toBe('valid');
    expect(calls.map((c) => Buffer.from(c.key).toString('hex'))).toEqual([WRONG, KEY].map((k) => Buffer.from(k).toString('hex')));
  });

  it('an already aborted signal gets no check, not even against the remembered key', async () => {
    const { counter, match } = countingMatch(KEY);
    const keys = new KeyCheck({ match });
    keys.use(hash('a'));
    expect(await keys.verify(KEY, AbortSignal.abort())).toBe('aborted');
    expect(counter.calls).toBe(0);
  });

  it('works with the real scrypt hash', async () => {
    const keys = new KeyCheck();
    keys.use(await hashAuthenticationKey(KEY));
    expect(await keys.verify(WRONG)).toBe('invalid');
    expect(await keys.verify(KEY)).toBe('valid');
    expect(keys.isKnown(KEY)).toBe(true);
  });
});
