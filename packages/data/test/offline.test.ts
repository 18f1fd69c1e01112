// Offline (transient) signing keys: the Destination's authorisation, its SessionConfig options,
// and SessionConfig / LeaseSet2 signed by the transient key.
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Writer, concatBytes, fromHex, toHex } from '../src/bytes.js';
import { isI2cpError } from '../src/errors.js';
import { generateSigningKeys, signingPublicKeyFor } from '../src/crypto/signing.js';
import { randomBytes } from '../src/crypto/hash.js';
import { toBase64 } from '../src/encoding/base64.js';
import { generateDestination } from '../src/keys/generate.js';
import { generateOfflineKeys } from '../src/keys/offline.js';
import { createDestination } from '../src/structures/destination.js';
import { LS2_FLAG_OFFLINE, readLeaseSet2, readOfflineSignature, writeLeaseSet2, writeOfflineSignature } from '../src/structures/lease-set2.js';
import { mappingFrom } from '../src/structures/mapping.js';
import {
  createOfflineSignature,
  offlineSignatureFromOptions,
  offlineSignatureOptions,
  verifyOfflineSignature,
} from '../src/structures/offline.js';
import { decode, encode } from '../src/structures/primitives.js';
import { readSessionConfig, writeSessionConfig } from '../src/structures/session-config.js';
import { signLeaseSet2, signSessionConfig, verifyLeaseSet2, verifySessionConfig } from '../src/structures/signatures.js';
import type { LeaseSet2, OfflineSignature } from '../src/structures/types.js';

/** The I2cpError code `f` throws (a foreign error fails the test). */
function thrownCode(f: () => unknown): string | undefined {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  if (caught === undefined) return undefined;
  expect(isI2cpError(caught)).toBe(true);
  return (caught as { code: string }).code;
}

// Keys of RFC 8032 §7.1 tests 1 (Destination) and 2 (transient): fixed, so the block below is stable.
const DEST_SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const TRANSIENT_SEED = fromHex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
const destKey = { sigType: 7, bytes: DEST_SEED };
const transientKey = { sigType: 7, bytes: TRANSIENT_SEED };
const fixedDestination = createDestination({
  publicKey: { encType: 0, bytes: new Uint8Array(256) },
  signingPublicKey: signingPublicKeyFor(destKey),
  padding: new Uint8Array(96),
});

// Made by createOfflineSignature here (Ed25519 is deterministic), fields split by hand:
const OFFLINE_BLOCK_HEX =
  '6b49d200' + // expires 1_800_000_000 s
  '0007' + // transient signature type 7 (Ed25519)
  '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c' + // transient public key (RFC 8032 test 2)
  'a20959cd591ac65ee4759bb80324f20e1cf81902178a342360caec42cfc4903f' + // Destination's signature over the 38 bytes above
  '29efe231996483fea6816bf7c6a848e53d48f7fb796be8ead7f85ddc8a0e8f01';

/** Ed25519 verification straight from node:crypto, independent of src/crypto. */
function ed25519Verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const spki = concatBytes([fromHex('302a300506032b6570032100'), publicKey]);
  return nodeVerify(null, data, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), signature);
}

describe('createOfflineSignature', () => {
  const o = createOfflineSignature(fixedDestination, destKey, signingPublicKeyFor(transientKey), 1_800_000_000);

  it('signs expires ‖ transient type ‖ transient key with the Destination key (fixed vector)', () => {
    expect(toHex(signingPublicKeyFor(destKey).bytes)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const w = new Writer();
    writeOfflineSignature(w, o, 7);
    expect(toHex(w.finish())).toBe(OFFLINE_BLOCK_HEX);
    const block = fromHex(OFFLINE_BLOCK_HEX);
    expect(ed25519Verify(fixedDestination.signingPublicKey.bytes, block.subarray(0, 38), block.subarray(38))).toBe(true);
    expect(verifyOfflineSignature(fixedDestination, decode((r) => readOfflineSignature(r, 7), block))).toBe(true);
  });

  it('a tampered block fails, by either check', () => {
    const block = fromHex(OFFLINE_BLOCK_HEX);
    // expiry, transient type (7 → 8, Ed25519ph, same key size), transient key, signature
    for (const [at, mask] of [[0, 1], [3, 1], [5, 0x0f], [6, 1], [37, 1], [38, 1], [101, 1]] as const) {
      const bad = block.slice();
      bad[at]! ^= mask;
      const parsed = decode((r) => readOfflineSignature(r, 7), bad);
      expect(verifyOfflineSignature(fixedDestination, parsed)).toBe(false);
      expect(ed25519Verify(fixedDestination.signingPublicKey.bytes, bad.subarray(0, 38), bad.subarray(38))).toBe(false);
    }
    const other = generateDestination();
    expect(verifyOfflineSignature(other.destination, o)).toBe(false);
  });

  it('refuses a key that is not of the Destination type, and an expiry outside 32 bits', () => {
    const dsa = generateDestination({ sigType: 0 });
    expect(thrownCode(() => createOfflineSignature(dsa.destination, destKey, signingPublicKeyFor(transientKey), 1))).toBe('BAD_KEY');
    expect(thrownCode(() => createOfflineSignature(fixedDestination, destKey, signingPublicKeyFor(transientKey), 2 ** 32))).toBe('ENCODE_INVALID');
  });
});

describe('generateOfflineKeys', () => {
  it('makes a transient key the Destination authorised, expiry rounded down to seconds', () => {
    const keys = generateDestination({ sigType: 0 });
    const offline = generateOfflineKeys(keys, { expires: new Date(1_800_000_000_999) });
    expect(offline.offlineSignature.expiresSeconds).toBe(1_800_000_000);
    expect(offline.transientSigningPrivateKey.sigType).toBe(7);
    expect(offline.offlineSignature.signature.bytes.length).toBe(40);
    expect(signingPublicKeyFor(offline.transientSigningPrivateKey)).toEqual(offline.offlineSignature.transientKey);
    expect(verifyOfflineSignature(keys.destination, offline.offlineSignature)).toBe(true);
    const p256 = generateOfflineKeys(keys, { expires: 1_800_000_000_000, sigType: 1 });
    expect(p256.offlineSignature.transientKey.bytes.length).toBe(64);
  });

  it('RangeError for an expiry that is not a 32-bit time', () => {
    const keys = generateDestination();
    expect(() => generateOfflineKeys(keys, { expires: Number.NaN })).toThrow(RangeError);
    expect(() => generateOfflineKeys(keys, { expires: -1000 })).toThrow(RangeError);
    expect(() => generateOfflineKeys(keys, { expires: 2 ** 32 * 1000 })).toThrow(RangeError);
  });
});

describe('offline SessionConfig options', () => {
  it('round trip: code:base64 transient key, seconds, base64 signature', () => {
    const o = createOfflineSignature(fixedDestination, destKey, signingPublicKeyFor(transientKey), 1_800_000_000);
    const options = offlineSignatureOptions(o);
    expect(options.get('i2cp.leaseSetOfflineExpiration')).toBe('1800000000');
    expect(options.get('i2cp.leaseSetTransientPublicKey')).toBe(`7:${toBase64(o.transientKey.bytes)}`);
    expect(options.get('i2cp.leaseSetOfflineSignature')).toBe(toBase64(o.signature.bytes));
    expect(offlineSignatureFromOptions(options, 7)).toEqual(o);
  });

  it('reads the type as a name, DSA_SHA1 without one; undefined for anything malformed', () => {
    const key = toBase64(new Uint8Array(32));
    const base = { 'i2cp.leaseSetOfflineExpiration': '5', 'i2cp.leaseSetOfflineSignature': toBase64(new Uint8Array(64)) };
    const read = (extra: Record<string, string>): OfflineSignature | undefined => offlineSignatureFromOptions(mappingFrom({ ...base, ...extra }), 7);
    expect(read({ 'i2cp.leaseSetTransientPublicKey': `EdDSA_SHA512_Ed25519:${key}` })?.transientKey.sigType).toBe(7);
    expect(read({ 'i2cp.leaseSetTransientPublicKey': key })?.transientKey.sigType).toBe(0);
    expect(read({ 'i2cp.leaseSetTransientPublicKey': `99:${key}` })).toBeUndefined();
    expect(read({ 'i2cp.leaseSetTransientPublicKey': '7:!!' })).toBeUndefined();
    expect(read({ 'i2cp.leaseSetTransientPublicKey': `7:${key}`, 'i2cp.leaseSetOfflineExpiration': '99999999999' })).toBeUndefined();
    expect(read({ 'i2cp.leaseSetTransientPublicKey': `7:${key}`, 'i2cp.leaseSetOfflineExpiration': '-1' })).toBeUndefined();
    expect(offlineSignatureFromOptions(mappingFrom({ 'i2cp.leaseSetTransientPublicKey': `7:${key}` }), 7)).toBeUndefined();
    expect(offlineSignatureFromOptions(mappingFrom({}), 7)).toBeUndefined();
  });
});

describe('signing with the transient key', () => {
  const keys = generateDestination();
  const offline = generateOfflineKeys(keys, { expires: 1_800_000_000_000, sigType: 0 });
  const date = 1_700_000_000_000;

  it('SessionConfig: signed by the transient key, sized by its type, verified through the Destination', () => {
    const options = mappingFrom([...offlineSignatureOptions(offline.offlineSignature), ['inbound.length', '0']]);
    const cfg = signSessionConfig({ destination: keys.destination, options, date }, offline.transientSigningPrivateKey, 'current');
    const bytes = encode((w, v: typeof cfg) => writeSessionConfig(w, v, 'current'), cfg);
    const back = decode((r) => readSessionConfig(r, 'current'), bytes);
    expect(back.signature.bytes.length).toBe(40);
    expect(verifySessionConfig(back, 'current')).toBe(true);
    expect(thrownCode(() => signSessionConfig({ destination: keys.destination, options, date }, keys.signingPrivateKey, 'current'))).toBe('BAD_KEY');
    // Another transient key of the same type, announced in the options but not authorised.
    const intruder = generateSigningKeys(0);
    const swapped = new Map([...options, ['i2cp.leaseSetTransientPublicKey', `0:${toBase64(intruder.publicKey.bytes)}`]]);
    expect(verifySessionConfig(signSessionConfig({ destination: keys.destination, options: swapped, date }, intruder.privateKey, 'current'), 'current')).toBe(
      false,
    );
  });

  it('LeaseSet2: the offline block in the header, the transient key signs; a block for another key fails', () => {
    const unsigned: Omit<LeaseSet2, 'signature'> = {
      destination: keys.destination,
      publishedSeconds: 1_700_000_000,
      expiresOffsetSeconds: 600,
      flags: LS2_FLAG_OFFLINE,
      offlineSignature: offline.offlineSignature,
      options: mappingFrom({}),
      encryptionKeys: [{ encType: 4, bytes: randomBytes(32) }],
      leases: [{ gateway: randomBytes(32), tunnelId: 3, endSeconds: 1_700_000_600 }],
    };
    const ls = signLeaseSet2(unsigned, offline.transientSigningPrivateKey);
    expect(verifyLeaseSet2(decode(readLeaseSet2, encode(writeLeaseSet2, ls)))).toBe(true);
    const other = generateOfflineKeys(keys, { expires: 1_800_000_000_000, sigType: 0 });
    expect(verifyLeaseSet2({ ...ls, offlineSignature: other.offlineSignature })).toBe(false);
    expect(verifyLeaseSet2(signLeaseSet2({ ...unsigned, offlineSignature: other.offlineSignature }, offline.transientSigningPrivateKey))).toBe(false);
  });
});
