// Datagram2 (protocol 19). Layout checks are built by hand from the datagrams spec / proposal 163
// (from ‖ flags ‖ [options] ‖ [offline block] ‖ payload ‖ signature over toHash ‖ flags…payload),
// with Ed25519 signatures made and checked by node:crypto, independently of this package.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  SigType,
  bytesEqual,
  concatBytes,
  destinationHash,
  fromHex,
  generateDestination,
  generateOfflineKeys,
  utf8Encode,
  verify,
} from '@i2cp/data';
import { decodeDatagram2, encodeDatagram2 } from './datagram2.js';
import { MAX_UNCOMPRESSED_PAYLOAD } from './protocol.js';
import { expectCode, onlyI2cpErrors } from './expect-code.test-support.js';

const alice = generateDestination({ sigType: SigType.EdDSA_SHA512_Ed25519 });
const bob = generateDestination();
const carol = generateDestination();
const dsa = generateDestination({ sigType: SigType.DSA_SHA1 });
const p256 = generateDestination({ sigType: SigType.ECDSA_SHA256_P256 });
const DATA = utf8Encode('hello bob');
const bobHash = destinationHash(bob.destination);

// Raw Ed25519 keys as DER for node:crypto: SPKI and PKCS#8 prefixes (RFC 8410).
const edPublic = (bytes: Uint8Array) => createPublicKey({ key: Buffer.from(concatBytes([fromHex('302a300506032b6570032100'), bytes])), format: 'der', type: 'spki' });
const edPrivate = (seed: Uint8Array) =>
  createPrivateKey({ key: Buffer.from(concatBytes([fromHex('302e020100300506032b657004220420'), seed])), format: 'der', type: 'pkcs8' });

describe('Datagram2', () => {
  it.each([
    ['Ed25519', alice],
    ['DSA_SHA1', dsa],
    ['ECDSA_P256', p256],
  ] as const)('round-trips with %s, the sender verified, addressed by Destination or hash', (_, keys) => {
    const datagram = encodeDatagram2(keys, bob.destination, DATA);
    for (const recipient of [bob.destination, bobHash]) {
      const decoded = decodeDatagram2(datagram, recipient);
      expect(bytesEqual(decoded.sender.bytes, keys.destination.bytes)).toBe(true);
      expect(decoded.data).toEqual(DATA);
      expect(decoded.options.size).toBe(0);
      expect(decoded.offlineSignature).toBeUndefined();
    }
  });

  it('is from ‖ 00 02 ‖ payload ‖ signature over toHash ‖ 00 02 ‖ payload (checked with node:crypto)', () => {
    const datagram = encodeDatagram2(alice, bob.destination, DATA);
    const fromLength = alice.destination.bytes.length;
    expect(datagram.length).toBe(fromLength + 2 + DATA.length + 64);
    expect(datagram.subarray(0, fromLength)).toEqual(alice.destination.bytes);
    expect(datagram.subarray(fromLength, fromLength + 2)).toEqual(fromHex('0002'));
    expect(datagram.subarray(fromLength + 2, fromLength + 2 + DATA.length)).toEqual(DATA);
    const signed = concatBytes([bobHash, fromHex('0002'), DATA]);
    const signature = datagram.subarray(fromLength + 2 + DATA.length);
    expect(nodeVerify(null, signed, edPublic(alice.destination.signingPublicKey.bytes), signature)).toBe(true);
  });

  it('decodes a datagram assembled by hand and signed by node:crypto', () => {
    const fields = concatBytes([fromHex('0002'), DATA]);
    const signature = nodeSign(null, concatBytes([bobHash, fields]), edPrivate(alice.signingPrivateKey.bytes));
    const decoded = decodeDatagram2(concatBytes([alice.destination.bytes, fields, signature]), bobHash);
    expect(decoded.data).toEqual(DATA);
    expect(decoded.sender.bytes).toEqual(alice.destination.bytes);
  });

  it('DSA_SHA1 signs the fields themselves, not their SHA-256 (unlike Datagram1)', () => {
    const datagram = encodeDatagram2(dsa, bob.destination, DATA);
    const fromLength = dsa.destination.bytes.length;
    const signature = { sigType: SigType.DSA_SHA1, bytes: datagram.subarray(datagram.length - 40) };
    const signed = concatBytes([bobHash, datagram.subarray(fromLength, datagram.length - 40)]);
    expect(verify(dsa.destination.signingPublicKey, signed, signature)).toBe(true);
  });

  it('carries options: flags 00 12 and a Mapping (hand-built), covered by the signature', () => {
    const datagram = encodeDatagram2(alice, bobHash, DATA, { options: new Map([['b', 'xy'], ['a', '1']]) });
    const at = alice.destination.bytes.length;
    // flags 0x0012 = version 2 | options; Mapping size 13: "a"="1"; (6 bytes) "b"="xy"; (7 bytes), keys sorted
    const header = fromHex('0012' + '000d' + '0161' + '3d' + '0131' + '3b' + '0162' + '3d' + '027879' + '3b');
    expect(datagram.subarray(at, at + header.length)).toEqual(header);
    const decoded = decodeDatagram2(datagram, bobHash);
    expect([...decoded.options]).toEqual([
      ['a', '1'],
      ['b', 'xy'],
    ]);
    expect(decoded.data).toEqual(DATA);
    expect(encodeDatagram2(alice, bobHash, DATA, { options: new Map() }).subarray(at, at + 2)).toEqual(fromHex('0002'));
  });

  it('carries empty data', () => {
    expect(decodeDatagram2(encodeDatagram2(alice, bobHash, new Uint8Array(0)), bobHash).data.length).toBe(0);
  });

  it('a datagram made for another Destination fails with BAD_SIGNATURE (replay protection)', () => {
    const datagram = encodeDatagram2(alice, bob.destination, DATA);
    expectCode(() => decodeDatagram2(datagram, carol.destination), 'BAD_SIGNATURE');
  });

  it('changed data, options, flags or signature, or another sender, fail', () => {
    const datagram = encodeDatagram2(alice, bobHash, DATA, { options: new Map([['k', 'v']]) });
    const at = alice.destination.bytes.length;
    const flip = (i: number): Uint8Array => {
      const copy = datagram.slice();
      copy[i]! ^= 1;
      return copy;
    };
    expectCode(() => decodeDatagram2(flip(datagram.length - 70), bobHash), 'BAD_SIGNATURE'); // data
    expectCode(() => decodeDatagram2(flip(datagram.length - 1), bobHash), 'BAD_SIGNATURE'); // signature
    expectCode(() => decodeDatagram2(flip(at + 5), bobHash), 'BAD_SIGNATURE'); // option key
    expectCode(() => decodeDatagram2(flip(at + 1), bobHash), 'DECODE_INVALID'); // version 3
    const forged = datagram.slice();
    forged.set(generateDestination().destination.bytes);
    expectCode(() => decodeDatagram2(forged, bobHash), 'BAD_SIGNATURE');
  });

  it('throws DECODE_TRUNCATED for a cut sender, flags or signature', () => {
    const datagram = encodeDatagram2(alice, bobHash, new Uint8Array(0));
    const at = alice.destination.bytes.length;
    for (const n of [0, 1, at - 1, at, at + 1, at + 2 + 63]) expectCode(() => decodeDatagram2(datagram.subarray(0, n), bobHash), 'DECODE_TRUNCATED');
  });

  it('refuses a signing key of another type (BAD_KEY) and a recipient hash of another length (BAD_ARGUMENT)', () => {
    expectCode(() => encodeDatagram2({ destination: alice.destination, signingPrivateKey: dsa.signingPrivateKey }, bobHash, DATA), 'BAD_KEY');
    expectCode(() => encodeDatagram2(alice, bobHash.subarray(1), DATA), 'BAD_ARGUMENT');
    expectCode(() => decodeDatagram2(encodeDatagram2(alice, bobHash, DATA), new Uint8Array(33)), 'BAD_ARGUMENT');
  });

  it('must fit one I2CP payload', () => {
    const room = MAX_UNCOMPRESSED_PAYLOAD - alice.destination.bytes.length - 2 - 64;
    const full = encodeDatagram2(alice, bobHash, new Uint8Array(room));
    expect(full.length).toBe(MAX_UNCOMPRESSED_PAYLOAD);
    expect(decodeDatagram2(full, bobHash).data.length).toBe(room);
    expectCode(() => encodeDatagram2(alice, bobHash, new Uint8Array(room + 1)), 'PAYLOAD_TOO_LARGE');
    expectCode(() => decodeDatagram2(new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1), bobHash), 'PAYLOAD_TOO_LARGE');
  });

  describe('offline signed', () => {
    const expires = Date.now() + 3_600_000;
    // An ECDSA P-256 transient key under an Ed25519 Destination: signatures and keys of other sizes.
    const offline = generateOfflineKeys(alice, { expires, sigType: SigType.ECDSA_SHA256_P256 });
    const signer = { destination: alice.destination, signingPrivateKey: offline.transientSigningPrivateKey, offlineSignature: offline.offlineSignature };

    it('is from ‖ 00 22 ‖ expires ‖ transient type ‖ transient key ‖ offline signature ‖ payload ‖ transient signature', () => {
      const datagram = encodeDatagram2(signer, bobHash, DATA);
      let at = alice.destination.bytes.length;
      const o = offline.offlineSignature;
      const block = concatBytes([
        fromHex('0022'),
        fromHex(o.expiresSeconds.toString(16).padStart(8, '0')),
        fromHex('0001'),
        o.transientKey.bytes,
        o.signature.bytes,
      ]);
      expect(datagram.subarray(at, at + block.length)).toEqual(block);
      at += block.length;
      expect(datagram.subarray(at, at + DATA.length)).toEqual(DATA);
      expect(datagram.length - at - DATA.length).toBe(64); // P-256 signature
      const signed = concatBytes([bobHash, datagram.subarray(alice.destination.bytes.length, at + DATA.length)]);
      expect(verify(o.transientKey, signed, { sigType: SigType.ECDSA_SHA256_P256, bytes: datagram.subarray(at + DATA.length) })).toBe(true);
    });

    it('round-trips, reporting the offline signature; the sender is the Destination', () => {
      const decoded = decodeDatagram2(encodeDatagram2(signer, bob.destination, DATA), bob.destination);
      expect(decoded.sender.bytes).toEqual(alice.destination.bytes);
      expect(decoded.data).toEqual(DATA);
      expect(decoded.offlineSignature?.expiresSeconds).toBe(offline.offlineSignature.expiresSeconds);
    });

    it('an expired authorisation, one by another Destination, or another recipient fail with BAD_SIGNATURE', () => {
      const datagram = encodeDatagram2(signer, bobHash, DATA);
      expectCode(() => decodeDatagram2(datagram, bobHash, { now: expires + 1000 }), 'BAD_SIGNATURE');
      expectCode(() => decodeDatagram2(datagram, carol.destination), 'BAD_SIGNATURE');
      const foreign = generateOfflineKeys(carol, { expires, sigType: SigType.ECDSA_SHA256_P256 });
      const stolen = { ...signer, offlineSignature: { ...foreign.offlineSignature, transientKey: offline.offlineSignature.transientKey } };
      expectCode(() => decodeDatagram2(encodeDatagram2(stolen, bobHash, DATA), bobHash), 'BAD_SIGNATURE');
    });

    it("refuses the Destination's own key with an offline signature (BAD_KEY: it is not the transient type)", () => {
      expectCode(() => encodeDatagram2({ ...signer, signingPrivateKey: alice.signingPrivateKey }, bobHash, DATA), 'BAD_KEY');
    });
  });

  test.prop([fc.uint8Array({ maxLength: 1200 })], { numRuns: 500 })('arbitrary bytes decode or throw an I2cpError', (bytes) => {
    onlyI2cpErrors(() => decodeDatagram2(bytes, bobHash));
  });

  // Past the sender, so flags, options and offline blocks are exercised too.
  test.prop([fc.uint8Array({ maxLength: 400 })], { numRuns: 500 })('a valid sender followed by arbitrary bytes decodes or throws an I2cpError', (tail) => {
    onlyI2cpErrors(() => decodeDatagram2(concatBytes([alice.destination.bytes, tail]), bobHash));
  });

  const valid = encodeDatagram2(alice, bobHash, DATA, { options: new Map([['k', 'v']]) });
  const signedAt = alice.destination.bytes.length;
  test.prop([fc.integer({ min: signedAt, max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.nat({ max: valid.length })], {
    numRuns: 300,
  })('a changed or cut datagram throws an I2cpError, never decodes', (at, flip, cut) => {
    const bytes = valid.slice(0, cut);
    if (cut === valid.length) bytes[at]! ^= flip;
    expect(onlyI2cpErrors(() => decodeDatagram2(bytes, bobHash)), 'a changed or cut datagram decoded').toBe(false);
  });

  test.prop([fc.uint8Array({ maxLength: 300 }), fc.dictionary(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.string({ maxLength: 20 }), { maxKeys: 4 })], {
    numRuns: 100,
  })('round-trips any data and options', (data, record) => {
    const options = new Map(Object.entries(record));
    const decoded = decodeDatagram2(encodeDatagram2(alice, bobHash, data, { options }), bobHash);
    expect(decoded.data).toEqual(data);
    expect(new Map(decoded.options)).toEqual(options);
  });
});

