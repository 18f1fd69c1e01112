import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isI2cpError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt, modInverse, modPow, randomBelow } from './bigint.js';
import { DSA_P, ELGAMAL_P } from './constants.js';
import { randomBytes } from './hash.js';

function slowModPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

const big = (max: bigint) => fc.bigInt({ min: 0n, max });

describe('modPow (OpenSSL DH engine)', () => {
  test.prop([big(ELGAMAL_P + 5n), big(1n << 300n)], { numRuns: 30 })('matches square-and-multiply mod the ElGamal prime', (b, e) => {
    expect(modPow(b, e, ELGAMAL_P)).toBe(slowModPow(b, e, ELGAMAL_P));
  });

  test.prop([big(DSA_P), big(1n << 160n)], { numRuns: 30 })('matches square-and-multiply mod the DSA prime', (b, e) => {
    expect(modPow(b, e, DSA_P)).toBe(slowModPow(b, e, DSA_P));
  });

  it('handles the bases OpenSSL refuses as DH peer keys', () => {
    for (const b of [0n, 1n, ELGAMAL_P - 1n, ELGAMAL_P, ELGAMAL_P + 1n]) {
      for (const e of [0n, 1n, 2n, 3n]) expect(modPow(b, e, ELGAMAL_P)).toBe(slowModPow(b, e, ELGAMAL_P));
    }
  });

  it('takes a full-length exponent', () => {
    const e = ELGAMAL_P - 2n;
    expect(modPow(3n, e, ELGAMAL_P)).toBe(slowModPow(3n, e, ELGAMAL_P));
  });
});

describe('bytes and bigints', () => {
  test.prop([fc.uint8Array({ maxLength: 64 })])('round-trip with left padding', (bytes) => {
    expect(bigIntToBytes(bytesToBigInt(bytes), bytes.length)).toEqual(bytes);
  });

  it('refuses a number that does not fit', () => {
    expect(bigIntToBytes(255n, 1)).toEqual(Uint8Array.of(255));
    for (const n of [256n, -1n]) {
      try {
        bigIntToBytes(n, 1);
        expect.unreachable();
      } catch (e) {
        expect(isI2cpError(e)).toBe(true);
      }
    }
  });

  it('randomBelow stays in [1, limit-1]', () => {
    for (let i = 0; i < 200; i++) {
      const n = randomBelow(5n, randomBytes);
      expect(n >= 1n && n < 5n).toBe(true);
    }
  });
});

describe('modInverse', () => {
  test.prop([fc.bigInt({ min: 1n, max: ELGAMAL_P - 1n })], { numRuns: 30 })('a * a^-1 = 1 mod p', (a) => {
    expect((a * modInverse(a, ELGAMAL_P)) % ELGAMAL_P).toBe(1n);
  });

  it('refuses a non-invertible value', () => {
    expect(() => modInverse(6n, 9n)).toThrow(/not invertible/);
    expect(() => modInverse(0n, ELGAMAL_P)).toThrow(/not invertible/);
  });
});
