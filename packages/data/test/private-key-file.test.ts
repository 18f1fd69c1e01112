import { describe, expect, it } from 'vitest';
import { toHex } from '../src/bytes.js';
import { isI2cpError } from '../src/errors.js';
import { encryptionPublicKeyFor } from '../src/crypto/encryption.js';
import { signingPublicKeyFor } from '../src/crypto/signing.js';
import { generateDestination } from '../src/keys/generate.js';
import { readPrivateKeyFile, writePrivateKeyFile } from '../src/keys/private-key-file.js';

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    return e;
  }
  throw new Error('expected an I2cpError');
}

describe('private key file', () => {
  const keys = generateDestination();

  it('is Destination ‖ 256-byte private key ‖ signing private key, and reads back', () => {
    const file = writePrivateKeyFile(keys);
    expect(file.length).toBe(391 + 256 + 32);
    expect(toHex(file.subarray(0, 391))).toBe(toHex(keys.destination.bytes));
    const back = readPrivateKeyFile(file);
    expect(back.destination.bytes).toEqual(keys.destination.bytes);
    expect(back.privateKey).toEqual(keys.privateKey);
    expect(back.signingPrivateKey).toEqual(keys.signingPrivateKey);
    expect(signingPublicKeyFor(back.signingPrivateKey)).toEqual(keys.destination.signingPublicKey);
    expect(encryptionPublicKeyFor(back.privateKey)).toEqual(keys.destination.publicKey);
  });

  it('puts a shorter X25519 key at the start of the 256-byte field, as Java and i2pd do', () => {
    const x = generateDestination({ encType: 4 });
    const file = writePrivateKeyFile(x);
    expect(file.length).toBe(391 + 256 + 32);
    expect(file.subarray(391, 391 + 32)).toEqual(x.privateKey.bytes);
    expect(file.subarray(391 + 32, 391 + 256).every((b) => b === 0)).toBe(true);
    expect(readPrivateKeyFile(file).privateKey).toEqual(x.privateKey);
  });

  it('DSA files are 387 + 256 + 20 bytes', () => {
    expect(writePrivateKeyFile(generateDestination({ sigType: 0 })).length).toBe(663);
  });

  it('says clearly that offline-signed files are not supported', () => {
    const file = writePrivateKeyFile(keys);
    const offline = new Uint8Array(file.length + 100);
    offline.set(file);
    offline.fill(0, 391 + 256, 391 + 256 + 32);
    const e = errorOf(() => readPrivateKeyFile(offline));
    expect(e.code).toBe('BAD_KEY_FILE');
    expect(e.message).toMatch(/offline keys not supported/);
  });

  it('reports truncated, trailing and garbage input as BAD_KEY_FILE', () => {
    const file = writePrivateKeyFile(keys);
    for (const n of [0, 10, 390, 391, 600, file.length - 1]) expect(errorOf(() => readPrivateKeyFile(file.subarray(0, n))).code).toBe('BAD_KEY_FILE');
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    longer[file.length] = 1;
    expect(errorOf(() => readPrivateKeyFile(longer)).code).toBe('BAD_KEY_FILE');
  });

  it('refuses to write keys that do not belong to the Destination types', () => {
    const other = generateDestination({ sigType: 0 });
    expect(errorOf(() => writePrivateKeyFile({ ...keys, signingPrivateKey: other.signingPrivateKey })).code).toBe('BAD_KEY_FILE');
  });
});
