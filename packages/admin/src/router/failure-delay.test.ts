import { describe, expect, it } from 'vitest';
import { FailureDelay, hostOf } from './failure-delay.js';

describe('FailureDelay', () => {
  it('starts at 100 ms, doubles, and stops at 5 s', () => {
    const delays = new FailureDelay();
    const seen = Array.from({ length: 10 }, () => delays.recordFailure('127.0.0.1:1', 0));
    expect(seen).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000]);
  });

  it('counts per host, not per connection', () => {
    const delays = new FailureDelay();
    delays.recordFailure('127.0.0.1:1000', 0);
    expect(delays.recordFailure('127.0.0.1:1001', 0)).toBe(200);
    expect(delays.recordFailure('127.0.0.2:1000', 0)).toBe(100);
  });

  it('forgets a host after a success or a quiet period', () => {
    const delays = new FailureDelay({ forgetAfterMs: 1000 });
    delays.recordFailure('h:1', 0);
    delays.recordFailure('h:1', 0);
    delays.recordSuccess('h:2');
    expect(delays.recordFailure('h:3', 10)).toBe(100);
    expect(delays.recordFailure('h:3', 20)).toBe(200);
    expect(delays.recordFailure('h:3', 1020)).toBe(100);
  });

  it('keeps at most maxEntries hosts, dropping the least recently failed', () => {
    const delays = new FailureDelay({ maxEntries: 3 });
    for (const host of ['a', 'b', 'c']) delays.recordFailure(`${host}:1`, 0);
    delays.recordFailure('a:1', 0);
    delays.recordFailure('d:1', 0);
    expect(delays.size).toBe(3);
    expect(delays.recordFailure('a:1', 0)).toBe(400);
    expect(delays.recordFailure('b:1', 0)).toBe(100);
  });
});

describe('hostOf', () => {
  it('drops the port of every address form the stub reports', () => {
    expect(hostOf('127.0.0.1:54321')).toBe('127.0.0.1');
    expect(hostOf('[::1]:54321')).toBe('::1');
    expect(hostOf('memory:7')).toBe('memory');
    expect(hostOf('unix-socket')).toBe('unix-socket');
  });
});
