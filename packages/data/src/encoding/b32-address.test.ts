import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isI2cpError } from '../errors.js';
import { sha256 } from '../crypto/hash.js';
import { b32Address, parseB32Address } from './b32-address.js';
import { fromBase64, toBase64 } from './base64.js';
import { ZZZ_B32, ZZZ_DEST, ZZZ_HASH_B64 } from '../../test/vectors/zzz-i2p.js';

function expectBadAddress(s: string): void {
  try {
    parseB32Address(s);
    expect.unreachable(s);
  } catch (e) {
    expect(isI2cpError(e) && e.code).toBe('BAD_ADDRESS');
  }
}

describe('.b32.i2p addresses', () => {
  it('zzz.i2p: hash and b32 name of a real destination', () => {
    const dest = fromBase64(ZZZ_DEST);
    expect(dest).toHaveLength(391);
    expect(toBase64(sha256(dest))).toBe(ZZZ_HASH_B64);
    expect(b32Address({ bytes: dest })).toBe(ZZZ_B32);
    expect(b32Address(fromBase64(ZZZ_HASH_B64))).toBe(ZZZ_B32);
    expect(parseB32Address(ZZZ_B32)).toEqual(fromBase64(ZZZ_HASH_B64));
    expect(parseB32Address(ZZZ_B32.toUpperCase())).toEqual(fromBase64(ZZZ_HASH_B64));
  });

  test.prop([fc.uint8Array({ minLength: 32, maxLength: 32 })])('round-trips any hash in 52 characters', (hash) => {
    const a = b32Address(hash);
    expect(a).toMatch(/^[a-z2-7]{52}\.b32\.i2p$/);
    expect(parseB32Address(a)).toEqual(hash);
  });

  it('rejects everything else with BAD_ADDRESS', () => {
    const name = ZZZ_B32.slice(0, 52);
    for (const s of [
      '',
      name,
      `${name}.i2p`,
      `${name}.b32.i2p.`,
      `${name.slice(1)}.b32.i2p`,
      `${name}a.b32.i2p`,
      `${name}aaaaaaa.b32.i2p`,
      `${name.slice(0, 51)}1.b32.i2p`,
      `${name.slice(0, 51)}b.b32.i2p`,
      `zzz.i2p`,
    ]) {
      expectBadAddress(s);
    }
  });

  it('b32Address wants a 32-byte hash', () => {
    try {
      b32Address(new Uint8Array(31));
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('BAD_ARGUMENT');
    }
  });
});
