import { describe, expect, test } from 'vitest';
import { backoffDelay, defaultReconnectPolicy } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { ...defaultReconnectPolicy, initialDelayMs: 100, maxDelayMs: 1000 };

  test('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffDelay(policy, 0, () => 0)).toBe(50);
    expect(backoffDelay(policy, 0, () => 1)).toBe(100);
    expect(backoffDelay(policy, 2, () => 1)).toBe(400);
  });

  test('never exceeds the maximum, even after many attempts', () => {
    expect(backoffDelay(policy, 10, () => 1)).toBe(1000);
    expect(backoffDelay(policy, 10_000, () => 1)).toBe(1000);
  });
});
