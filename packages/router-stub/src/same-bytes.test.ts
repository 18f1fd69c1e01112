import { describe, expect, it } from 'vitest';
import { sameBytes } from './same-bytes.js';

describe('sameBytes', () => {
  it('compares plain Uint8Arrays and views by content', () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3, 4))).toBe(true);
    expect(sameBytes(a.subarray(1), Uint8Array.of(2, 3, 4))).toBe(true);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3, 5))).toBe(false);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3))).toBe(false);
  });
});
