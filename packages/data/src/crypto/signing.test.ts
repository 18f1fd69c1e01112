import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8Encode } from '../bytes.js';
import { isI2cpError } from '../errors.js';
import { sigTypeInfo } from '../key-types.js';
import { bigIntToBytes, bytesToBigInt } from './bigint.js';
import { DSA_G, DSA_P, DSA_Q } from './constants.js';
import { randomBytes, sha1 } from './hash.js';
import { generateSigningKeys, isSigTypeSupported, sign, signingPublicKeyFor, verify } from './signing.js';

function expectCode(f: () => unknown, code: string): void {
  try {
    f();
  } catch (e) {
    expect(isI2cpError(e) && e.code).toBe(code);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

const SIGNING_TYPES = [0, 1, 2, 3, 7];

describe.each(SIGNING_TYPES)('signature type %i', (sigType) => {
  const info = sigTypeInfo(sigType)!;
  const keys = generateSigningKeys(sigType);

  it('generates keys of the sizes of its key certificate', () => {
    expect(keys.publicKey.bytes).toHaveLength(info.publicKeyLength);
    expect(keys.privateKey.bytes).toHaveLength(info.privateKeyLength);
    expect(signingPublicKeyFor(keys.privateKey)).toEqual(keys.publicKey);
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 15 })('sign then verify; any change to data or signature fails', (data) => {
    const sig = sign(keys.privateKey, data);
    expect(sig.sigType).toBe(sigType);
    expect(sig.bytes).toHaveLength(info.signatureLength);
    expect(verify(keys.publicKey, data, sig)).toBe(true);
    const other = Uint8Array.from([...data, 0]);
    expect(verify(keys.publicKey, other, sig)).toBe(false);
    const flipped = sig.bytes.slice();
    flipped[flipped.length >> 1]! ^= 1;
    expect(verify(keys.publicKey, data, { sigType, bytes: flipped })).toBe(false);
    expect(verify(generateSigningKeys(sigType).publicKey, data, sig)).toBe(false);
  });

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })], { numRuns: 20 })(
    'verify of arbitrary bytes is false, never a throw',
    (key, sig) => {
      expect(verify({ sigType, bytes: key }, utf8Encode('x'), { sigType, bytes: sig })).toBe(false);
      const k = randomBytes(info.publicKeyLength);
      expect(verify({ sigType, bytes: k }, utf8Encode('x'), { sigType, bytes: randomBytes(info.signatureLength) })).toBe(false);
    },
  );

  it('a signature of another type never verifies', () => {
    const sig = sign(keys.privateKey, utf8Encode('m'));
    expect(verify(keys.publicKey, utf8Encode('m'), { sigType: sigType === 7 ? 0 : 7, bytes: sig.bytes })).toBe(false);
  });

  it('rejects a private key of the wrong size with BAD_KEY', () => {
    expectCode(() => sign({ sigType, bytes: new Uint8Array(info.privateKeyLength + 1) }, utf8Encode('m')), 'BAD_KEY');
  });
});

describe('imported key cache', () => {
  it.each(SIGNING_TYPES)('type %i: a reused, then rewritten key buffer signs with its current content', (sigType) => {
    const a = generateSigningKeys(sigType);
    const b = generateSigningKeys(sigType);
    const buffer = a.privateKey.bytes.slice();
    const data = utf8Encode('cache');
    expect(verify(a.publicKey, data, sign({ sigType, bytes: buffer }, data))).toBe(true);
    buffer.set(b.privateKey.bytes);
    const sig = sign({ sigType, bytes: buffer }, data);
    expect(verify(b.publicKey, data, sig)).toBe(true);
    expect(verify(a.publicKey, data, sig)).toBe(false);
  });
});

describe('DSA-SHA1 against the textbook formulas (FIPS 186) with BigInt', () => {
  const modPow = (b: bigint, e: bigint, m: bigint): bigint => {
    let r = 1n;
    for (b %= m; e > 0n; e >>= 1n) {
      if (e & 1n) r = (r * b) % m;
      b = (b * b) % m;
    }
    return r;
  };
  const inv = (a: bigint, m: bigint): bigint => modPow(a, m - 2n, m); // q is prime
  const message = utf8Encode('I2P 2003');

  it('our signatures satisfy v = r (r‖s big-endian, 20 bytes each)', () => {
    const keys = generateSigningKeys(0);
    const y = bytesToBigInt(keys.publicKey.bytes);
    expect(y).toBe(modPow(DSA_G, bytesToBigInt(keys.privateKey.bytes), DSA_P));
    const sig = sign(keys.privateKey, message).bytes;
    const r = bytesToBigInt(sig.subarray(0, 20));
    const s = bytesToBigInt(sig.subarray(20));
    const w = inv(s, DSA_Q);
    const h = bytesToBigInt(sha1(message));
    const v = ((modPow(DSA_G, (h * w) % DSA_Q, DSA_P) * modPow(y, (r * w) % DSA_Q, DSA_P)) % DSA_P) % DSA_Q;
    expect(v).toBe(r);
  });

  it('verifies a signature computed by hand from a fixed x and k', () => {
    const x = 0x1234567890abcdef1234567890abcdef12345678n;
    const k = 0x0fedcba9876543210fedcba9876543210fedcba9n;
    const h = bytesToBigInt(sha1(message));
    const r = modPow(DSA_G, k, DSA_P) % DSA_Q;
    const s = (inv(k, DSA_Q) * (h + x * r)) % DSA_Q;
    const publicKey = { sigType: 0, bytes: bigIntToBytes(modPow(DSA_G, x, DSA_P), 128) };
    const bytes = new Uint8Array(40);
    bytes.set(bigIntToBytes(r, 20));
    bytes.set(bigIntToBytes(s, 20), 20);
    expect(signingPublicKeyFor({ sigType: 0, bytes: bigIntToBytes(x, 20) })).toEqual(publicKey);
    expect(verify(publicKey, message, { sigType: 0, bytes })).toBe(true);
    expect(verify(publicKey, utf8Encode('I2P 2004'), { sigType: 0, bytes })).toBe(false);
  });

  it('refuses private keys outside [1, q-1] and public keys outside the group', () => {
    expectCode(() => sign({ sigType: 0, bytes: new Uint8Array(20) }, message), 'BAD_KEY');
    expectCode(() => sign({ sigType: 0, bytes: bigIntToBytes(DSA_Q, 20) }, message), 'BAD_KEY');
    const sig = { sigType: 0, bytes: new Uint8Array(40).fill(1) };
    expect(verify({ sigType: 0, bytes: new Uint8Array(128) }, message, sig)).toBe(false);
    expect(verify({ sigType: 0, bytes: bigIntToBytes(DSA_P, 128) }, message, sig)).toBe(false);
  });
});

// RFC 8032 §7.1, TEST 1-3 (private key = the 32-byte seed, as in I2P).
const RFC8032 = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    pub: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    msg: '',
    sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    pub: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    msg: '72',
    sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    seed: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    pub: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    msg: 'af82',
    sig: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

describe('Ed25519 (type 7) RFC 8032 vectors', () => {
  it.each(RFC8032)('seed $seed', (v) => {
    const privateKey = { sigType: 7, bytes: fromHex(v.seed) };
    const publicKey = signingPublicKeyFor(privateKey);
    expect(toHex(publicKey.bytes)).toBe(v.pub);
    const sig = sign(privateKey, fromHex(v.msg));
    expect(toHex(sig.bytes)).toBe(v.sig);
    expect(verify(publicKey, fromHex(v.msg), sig)).toBe(true);
  });

  it('RedDSA (type 11) signatures verify like Ed25519 ones; signing is unsupported', () => {
    const v = RFC8032[1]!;
    expect(verify({ sigType: 11, bytes: fromHex(v.pub) }, fromHex(v.msg), { sigType: 11, bytes: fromHex(v.sig) })).toBe(true);
    expect(verify({ sigType: 11, bytes: fromHex(v.pub) }, fromHex('73'), { sigType: 11, bytes: fromHex(v.sig) })).toBe(false);
    expectCode(() => sign({ sigType: 11, bytes: fromHex(v.seed) }, fromHex(v.msg)), 'UNSUPPORTED_TYPE');
  });
});

describe('ECDSA P-256 (type 1) RFC 6979 A.2.5 key and "sample" signature', () => {
  const x = 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721';
  const pub =
    '60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6' +
    '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299';
  const sig =
    'efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716' +
    'f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8';

  it('derives X‖Y and verifies r‖s', () => {
    expect(toHex(signingPublicKeyFor({ sigType: 1, bytes: fromHex(x) }).bytes)).toBe(pub);
    expect(verify({ sigType: 1, bytes: fromHex(pub) }, utf8Encode('sample'), { sigType: 1, bytes: fromHex(sig) })).toBe(true);
    expect(verify({ sigType: 1, bytes: fromHex(pub) }, utf8Encode('samplf'), { sigType: 1, bytes: fromHex(sig) })).toBe(false);
  });
});

describe('unsupported types', () => {
  it.each([4, 5, 6, 8, 9, 10, 12, 255])('type %i: UNSUPPORTED_TYPE naming the type', (sigType) => {
    expectCode(() => generateSigningKeys(sigType), 'UNSUPPORTED_TYPE');
    expectCode(() => sign({ sigType, bytes: new Uint8Array(32) }, new Uint8Array(1)), 'UNSUPPORTED_TYPE');
    expectCode(() => verify({ sigType, bytes: new Uint8Array(32) }, new Uint8Array(1), { sigType, bytes: new Uint8Array(64) }), 'UNSUPPORTED_TYPE');
    expect(isSigTypeSupported(sigType, 'verify')).toBe(false);
  });

  it('reports what is supported', () => {
    for (const t of SIGNING_TYPES) expect(isSigTypeSupported(t)).toBe(true);
    expect(isSigTypeSupported(11)).toBe(false);
    expect(isSigTypeSupported(11, 'verify')).toBe(true);
  });
});
