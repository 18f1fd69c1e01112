import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../src/bytes.js';
import { SigType } from '../src/key-types.js';
import { generateOfflineKeys } from '../src/keys/offline.js';
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

// Offline files, laid out by hand from Java's PrivateKeyFile and i2pd's PrivateKeys (ToBuffer /
// FromBuffer): Destination ‖ 256-byte field ‖ all-zero signing key ‖ expires:4 ‖ transient type:2 ‖
// transient public key ‖ Destination's signature ‖ transient private key.
describe('private key file with offline keys', () => {
  const full = generateDestination();
  const expiresSeconds = 0x7000_0000;
  const offline = generateOfflineKeys(full, { expires: expiresSeconds * 1000, sigType: SigType.ECDSA_SHA256_P256 });
  const o = offline.offlineSignature;
  const handBuilt = concatBytes([
    full.destination.bytes,
    writePrivateKeyFile(full).subarray(391, 391 + 256),
    new Uint8Array(32),
    fromHex('70000000'),
    fromHex('0001'),
    o.transientKey.bytes,
    o.signature.bytes,
    offline.transientSigningPrivateKey.bytes,
  ]);

  it('reads a hand-built file with { allowOffline: true }, and writes it back byte for byte', () => {
    const read = readPrivateKeyFile(handBuilt, { allowOffline: true });
    if (!('offline' in read)) throw new Error('expected offline keys');
    expect(read.destination.bytes).toEqual(full.destination.bytes);
    expect(read.privateKey).toEqual(full.privateKey);
    expect(read.offline.offlineSignature.expiresSeconds).toBe(expiresSeconds);
    expect(read.offline.offlineSignature.transientKey).toEqual(o.transientKey);
    expect(read.offline.offlineSignature.signature).toEqual(o.signature);
    expect(read.offline.transientSigningPrivateKey).toEqual(offline.transientSigningPrivateKey);
    expect(toHex(writePrivateKeyFile(read))).toBe(toHex(handBuilt));
    expect(toHex(writePrivateKeyFile({ destination: full.destination, privateKey: full.privateKey, offline }))).toBe(toHex(handBuilt));
  });

  it('still refuses offline files without the option, and reads plain files the same with it', () => {
    const e = errorOf(() => readPrivateKeyFile(handBuilt));
    expect(e.code).toBe('BAD_KEY_FILE');
    expect(e.message).toMatch(/allowOffline/);
    expect(readPrivateKeyFile(writePrivateKeyFile(full), { allowOffline: true })).toEqual(readPrivateKeyFile(writePrivateKeyFile(full)));
  });

  it('a DSA Destination with an Ed25519 transient key round-trips', () => {
    const dsa = generateDestination({ sigType: SigType.DSA_SHA1 });
    const keys = { destination: dsa.destination, privateKey: dsa.privateKey, offline: generateOfflineKeys(dsa, { expires: Date.now() + 60_000 }) };
    const file = writePrivateKeyFile(keys);
    expect(file.length).toBe(387 + 256 + 20 + 4 + 2 + 32 + 40 + 32);
    expect(readPrivateKeyFile(file, { allowOffline: true })).toEqual(keys);
  });

  it('refuses a forged authorisation, a transient key that is not the authorised one, cut or trailing bytes (BAD_KEY_FILE)', () => {
    const sigAt = handBuilt.length - 32 - 64;
    const forged = handBuilt.slice();
    forged[sigAt + 3]! ^= 1;
    expect(errorOf(() => readPrivateKeyFile(forged, { allowOffline: true })).message).toMatch(/offline signature/);
    const otherKey = concatBytes([handBuilt.subarray(0, handBuilt.length - 32), generateOfflineKeys(full, { expires: 1e12, sigType: 1 }).transientSigningPrivateKey.bytes]);
    expect(errorOf(() => readPrivateKeyFile(otherKey, { allowOffline: true })).message).toMatch(/transient signing private key/);
    for (const n of [391 + 256 + 32 + 3, 391 + 256 + 32 + 6 + 10, handBuilt.length - 1]) {
      expect(errorOf(() => readPrivateKeyFile(handBuilt.subarray(0, n), { allowOffline: true })).code).toBe('BAD_KEY_FILE');
    }
    expect(errorOf(() => readPrivateKeyFile(concatBytes([handBuilt, Uint8Array.of(0)]), { allowOffline: true })).code).toBe('BAD_KEY_FILE');
    const unknownType = handBuilt.slice();
    unknownType.set(fromHex('ff00'), 391 + 256 + 32 + 4);
    expect(errorOf(() => readPrivateKeyFile(unknownType, { allowOffline: true })).code).toBe('BAD_KEY_FILE');
  });

  it('refuses to write a transient private key of another type than the authorised one', () => {
    const wrong = { ...offline, transientSigningPrivateKey: full.signingPrivateKey };
    expect(errorOf(() => writePrivateKeyFile({ destination: full.destination, privateKey: full.privateKey, offline: wrong })).code).toBe('BAD_KEY_FILE');
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 200 })('any offline section reads as keys or BAD_KEY_FILE', (tail) => {
    try {
      readPrivateKeyFile(concatBytes([handBuilt.subarray(0, 391 + 256 + 32), tail]), { allowOffline: true });
    } catch (e) {
      expect(isI2cpError(e) && e.code === 'BAD_KEY_FILE', String(e)).toBe(true);
    }
  });
});
