import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { isI2cpError } from '../errors.js';
import { aes256CbcDecrypt, aes256CbcEncrypt } from './aes.js';

// NIST SP 800-38A, Appendix F.2.5/F.2.6 (CBC-AES256.Encrypt / .Decrypt).
const KEY = fromHex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const IV = fromHex('000102030405060708090a0b0c0d0e0f');
const PLAIN = fromHex(`
  6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
  30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);
const CIPHER = `f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
  39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b`.replace(/\s+/g, '');

describe('AES-256-CBC', () => {
  it('matches NIST SP 800-38A F.2.5 and F.2.6, with no padding added', () => {
    expect(toHex(aes256CbcEncrypt(KEY, IV, PLAIN))).toBe(CIPHER);
    expect(aes256CbcDecrypt(KEY, IV, fromHex(CIPHER))).toEqual(PLAIN);
    expect(aes256CbcEncrypt(KEY, IV, new Uint8Array(0))).toHaveLength(0);
  });

  test.prop([fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 20 })])(
    'decrypt inverts encrypt',
    (key, iv, blocks) => {
      const data = new Uint8Array(blocks * 16).map((_, i) => i * 7);
      const c = aes256CbcEncrypt(key, iv, data);
      expect(c).toHaveLength(data.length);
      expect(aes256CbcDecrypt(key, iv, c)).toEqual(data);
    },
  );

  it('rejects bad sizes with I2cpErrors', () => {
    const cases: [Uint8Array, Uint8Array, Uint8Array, string][] = [
      [new Uint8Array(31), IV, PLAIN, 'BAD_KEY'],
      [KEY, new Uint8Array(15), PLAIN, 'BAD_ARGUMENT'],
      [KEY, IV, new Uint8Array(17), 'BAD_ARGUMENT'],
    ];
    for (const [k, iv, d, code] of cases) {
      for (const f of [aes256CbcEncrypt, aes256CbcDecrypt]) {
        try {
          f(k, iv, d);
          expect.unreachable();
        } catch (e) {
          expect(isI2cpError(e) && e.code).toBe(code);
        }
      }
    }
  });
});
