import { describe, expect, it } from 'vitest';
import { sameBytes, sameBytesAt } from './same-bytes.js';

describe('sameBytes', () => {
  it('compares plain Uint8Arrays and views by content', () => {
    const a = Uint8Array.of(1, 2, 3, 4);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3, 4))).toBe(true);
    expect(sameBytes(a.subarray(1), Uint8Array.of(2, 3, 4))).toBe(true);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3, 5))).toBe(false);
    expect(sameBytes(a, Uint8Array.of(1, 2, 3))).toBe(false);
  });
});

describe('sameBytesAt', () => {
  const hay = Uint8Array.of(9, 1, 2, 3, 4, 9).subarray(1, 5);
  it('finds the needle only at its offset, within a view', () => {
    expect(sameBytesAt(hay, 0, Uint8Array.of(1, 2))).toBe(true);
    expect(sameBytesAt(hay, 2, Uint8Array.of(3, 4))).toBe(true);
    expect(sameBytesAt(hay, 1, Uint8Array.of(3, 4))).toBe(false);
    expect(sameBytesAt(hay, 3, Uint8Array.of(4))).toBe(true);
  });
  it('is false when the needle would run past either end', () => {
    expect(sameBytesAt(hay, 3, Uint8Array.of(4, 9))).toBe(false);
    expect(sameBytesAt(hay, -1, Uint8Array.of(9, 1))).toBe(false);
    expect(sameBytesAt(hay, 4, new Uint8Array(0))).toBe(true);
  });
});
