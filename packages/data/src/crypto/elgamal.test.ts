import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { JAVA_CIPHERTEXTS, JAVA_PLAINTEXTS, JAVA_PRIVATE_KEY, JAVA_PUBLIC_KEY } from '../../test/vectors/elgamal-java-i2p.js';
import { isI2cpError } from '../errors.js';
import { fromBase64 } from '../encoding/base64.js';
import { bigIntToBytes, bytesToBigInt } from './bigint.js';
import { ELGAMAL_P } from './constants.js';
import { ELGAMAL_BLOCK_LENGTH, ELGAMAL_MAX_DATA } from './elgamal.js';
import { elgamalDecrypt, elgamalEncrypt, encryptionPublicKeyFor, generateEncryptionKeys } from './encryption.js';

function expectCode(f: () => unknown, code: string): void {
  try {
    f();
  } catch (e) {
    expect(isI2cpError(e) && e.code).toBe(code);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const keys = generateEncryptionKeys(0);

describe('ElGamal-2048 (type 0)', () => {
  it('decrypts blocks made by Java I2P (ElGamalTest.testVerifyCompatability)', () => {
    const privateKey = { encType: 0, bytes: fromBase64(JAVA_PRIVATE_KEY) };
    expect(encryptionPublicKeyFor(privateKey).bytes).toEqual(fromBase64(JAVA_PUBLIC_KEY));
    JAVA_CIPHERTEXTS.forEach((c, i) => {
      expect(elgamalDecrypt(privateKey, fromBase64(c))).toEqual(latin1(JAVA_PLAINTEXTS[i]!));
    });
  });

  it('encrypts to the Java key so its private key decrypts', () => {
    const publicKey = { encType: 0, bytes: fromBase64(JAVA_PUBLIC_KEY) };
    const privateKey = { encType: 0, bytes: fromBase64(JAVA_PRIVATE_KEY) };
    const data = latin1('hello world');
    expect(elgamalDecrypt(privateKey, elgamalEncrypt(publicKey, data))).toEqual(data);
  });

  it('produces 514 bytes: two 257-byte halves, each below p (so each starts with a zero byte)', () => {
    const block = elgamalEncrypt(keys.publicKey, new Uint8Array(ELGAMAL_MAX_DATA).fill(0xff));
    expect(block).toHaveLength(ELGAMAL_BLOCK_LENGTH);
    expect(block[0]).toBe(0);
    expect(block[257]).toBe(0);
    expect(bytesToBigInt(block.subarray(0, 257)) < ELGAMAL_P).toBe(true);
    expect(bytesToBigInt(block.subarray(257)) < ELGAMAL_P).toBe(true);
  });

  test.prop([fc.uint8Array({ maxLength: ELGAMAL_MAX_DATA })], { numRuns: 20 })('decrypt inverts encrypt', (data) => {
    expect(elgamalDecrypt(keys.privateKey, elgamalEncrypt(keys.publicKey, data))).toEqual(data);
  });

  it('decrypts with a full-length private key too (both exponentiation paths)', () => {
    const a = ELGAMAL_P - 12345n;
    const privateKey = { encType: 0, bytes: bigIntToBytes(a, 256) };
    const publicKey = encryptionPublicKeyFor(privateKey);
    const data = latin1('full-length exponent');
    expect(elgamalDecrypt(privateKey, elgamalEncrypt(publicKey, data))).toEqual(data);
  });

  it('generates 256-byte keys whose public half matches the private one', () => {
    expect(keys.publicKey.bytes).toHaveLength(256);
    expect(keys.privateKey.bytes).toHaveLength(256);
    expect(encryptionPublicKeyFor(keys.privateKey)).toEqual(keys.publicKey);
  });

  it('DECRYPT_FAILED with another key, or after any change to the block', () => {
    const block = elgamalEncrypt(keys.publicKey, latin1('secret'));
    expectCode(() => elgamalDecrypt(generateEncryptionKeys(0).privateKey, block), 'DECRYPT_FAILED');
    for (const at of [1, 100, 256, 258, 400, 513]) {
      const bad = block.slice();
      bad[at]! ^= 0x01;
      expectCode(() => elgamalDecrypt(keys.privateKey, bad), 'DECRYPT_FAILED');
    }
    expectCode(() => elgamalDecrypt(keys.privateKey, block.subarray(1)), 'DECRYPT_FAILED');
    expectCode(() => elgamalDecrypt(keys.privateKey, new Uint8Array(514)), 'DECRYPT_FAILED');
    const overP = block.slice();
    overP.set(bigIntToBytes(ELGAMAL_P, 257), 0);
    expectCode(() => elgamalDecrypt(keys.privateKey, overP), 'DECRYPT_FAILED');
  });

  test.prop([fc.uint8Array({ minLength: 514, maxLength: 514 })], { numRuns: 10 })('random blocks fail with DECRYPT_FAILED', (block) => {
    expectCode(() => elgamalDecrypt(keys.privateKey, block), 'DECRYPT_FAILED');
  });

  it('refuses oversized data, degenerate public keys and other key types', () => {
    expectCode(() => elgamalEncrypt(keys.publicKey, new Uint8Array(ELGAMAL_MAX_DATA + 1)), 'BAD_ARGUMENT');
    for (const y of [0n, 1n, ELGAMAL_P - 1n, ELGAMAL_P]) {
      expectCode(() => elgamalEncrypt({ encType: 0, bytes: bigIntToBytes(y, 256) }, new Uint8Array(1)), 'BAD_KEY');
    }
    expectCode(() => elgamalDecrypt({ encType: 0, bytes: new Uint8Array(256) }, new Uint8Array(514)), 'BAD_KEY');
    expectCode(() => elgamalEncrypt({ encType: 4, bytes: new Uint8Array(32) }, new Uint8Array(1)), 'UNSUPPORTED_TYPE');
    expectCode(() => generateEncryptionKeys(1), 'UNSUPPORTED_TYPE');
    expectCode(() => encryptionPublicKeyFor({ encType: 5, bytes: new Uint8Array(32) }), 'UNSUPPORTED_TYPE');
  });
});
