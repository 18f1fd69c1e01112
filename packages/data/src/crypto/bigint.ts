import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { I2cpError } from '../errors.js';

// Hex strings are the fastest way between bytes and BigInt in V8 (one native parse/print).
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Unsigned big-endian bytes to a bigint (empty → 0). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '0x0';
  for (const b of bytes) hex += HEX[b]!;
  return BigInt(hex);
}

/** A non-negative bigint as exactly `length` big-endian bytes, left-padded with zeros. */
export function bigIntToBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (n === 0n) return out;
  const hex = n.toString(16);
  if (n < 0n || hex.length > length * 2) {
    throw new I2cpError('BAD_ARGUMENT', `integer does not fit in ${length} bytes`);
  }
  const padded = hex.padStart(length * 2, '0');
  for (let i = 0; i < length; i++) out[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function byteLength(n: bigint): number {
  return Math.ceil(n.toString(16).length / 2);
}

// OpenSSL's Diffie-Hellman "compute secret" is base^exponent mod prime at native speed, about ten
// times faster than BigInt. Building a DH object checks the prime once (tens of ms for the DSA
// prime), so one object per modulus is kept and only its private key changes between calls.
const engines = new Map<bigint, DiffieHellman>();

function engineFor(modulus: bigint): DiffieHellman {
  let dh = engines.get(modulus);
  if (dh === undefined) {
    dh = createDiffieHellman(bigIntToBytes(modulus, byteLength(modulus)));
    engines.set(modulus, dh);
  }
  return dh;
}

/**
 * base^exponent mod modulus for an odd prime modulus (the fixed I2P groups).
 * OpenSSL refuses the bases 0, 1 and modulus−1 as peer keys; their powers are trivial.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const b = ((base % modulus) + modulus) % modulus;
  if (exponent === 0n) return 1n;
  if (b <= 1n) return b;
  if (b === modulus - 1n) return exponent % 2n === 0n ? 1n : b;
  const len = byteLength(modulus);
  const dh = engineFor(modulus);
  dh.setPrivateKey(bigIntToBytes(exponent, Math.max(len, byteLength(exponent))));
  return bytesToBigInt(dh.computeSecret(bigIntToBytes(b, len)));
}

/** A uniformly random integer in [1, limit − 1]. */
export function randomBelow(limit: bigint, random: (n: number) => Uint8Array): bigint {
  const bits = limit.toString(2).length;
  const len = Math.ceil(bits / 8);
  const excess = BigInt(len * 8 - bits);
  for (;;) {
    const n = bytesToBigInt(random(len)) >> excess;
    if (n >= 1n && n < limit) return n;
  }
}

/** a^-1 mod m for gcd(a, m) = 1 (extended Euclid). */
export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [m, ((a % m) + m) % m];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new I2cpError('BAD_ARGUMENT', 'not invertible');
  return ((t0 % m) + m) % m;
}
