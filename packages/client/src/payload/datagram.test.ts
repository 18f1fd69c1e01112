import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  SigType,
  bytesEqual,
  concatBytes,
  fromHex,
  generateDestination,
  isI2cpError,
  sha256,
  utf8Encode,
  verify,
} from '@i2cp/data';
import type { DestinationKeys } from '@i2cp/data';
import { decodePayload, encodePayload } from './gzip-payload.js';
import { MAX_UNCOMPRESSED_PAYLOAD, Protocol } from './protocol.js';
import { decodeRawDatagram, encodeRawDatagram } from './raw-datagram.js';
import { decodeRepliableDatagram, encodeRepliableDatagram } from './repliable-datagram.js';
import { expectCode } from './expect-code.test-support.js';

const ed25519 = generateDestination({ sigType: SigType.EdDSA_SHA512_Ed25519 });
const dsa = generateDestination({ sigType: SigType.DSA_SHA1 });
const p256 = generateDestination({ sigType: SigType.ECDSA_SHA256_P256 });
const DATA = utf8Encode('reply to me');

function layout(keys: DestinationKeys, datagram: Uint8Array, signatureLength: number) {
  const destLength = keys.destination.bytes.length;
  return {
    destination: datagram.subarray(0, destLength),
    signature: { sigType: keys.destination.signingPublicKey.sigType, bytes: datagram.subarray(destLength, destLength + signatureLength) },
    data: datagram.subarray(destLength + signatureLength),
  };
}

describe('repliable datagram', () => {
  it.each([
    ['Ed25519', ed25519],
    ['DSA_SHA1', dsa],
    ['ECDSA_P256', p256],
  ] as const)('round-trips with %s, the sender as the same Destination', (_, keys) => {
    const datagram = encodeRepliableDatagram(keys, DATA);
    const decoded = decodeRepliableDatagram(datagram);
    expect(bytesEqual(decoded.sender.bytes, keys.destination.bytes)).toBe(true);
    expect(decoded.data).toEqual(DATA);
  });

  it('is Destination, Signature, data; Ed25519 signs the data itself (checked with node:crypto)', () => {
    const datagram = encodeRepliableDatagram(ed25519, DATA);
    const parts = layout(ed25519, datagram, 64);
    expect(parts.destination).toEqual(ed25519.destination.bytes);
    expect(parts.data).toEqual(DATA);
    // SPKI for a raw Ed25519 key: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }
    const spki = concatBytes([fromHex('302a300506032b6570032100'), ed25519.destination.signingPublicKey.bytes]);
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    expect(nodeVerify(null, DATA, key, parts.signature.bytes)).toBe(true);
  });

  it('DSA_SHA1 signs SHA-256(data), not the data (datagrams spec)', () => {
    const datagram = encodeRepliableDatagram(dsa, DATA);
    const { signature } = layout(dsa, datagram, 40);
    const publicKey = dsa.destination.signingPublicKey;
    expect(verify(publicKey, sha256(DATA), signature)).toBe(true);
    expect(verify(publicKey, DATA, signature)).toBe(false);
  });

  it('carries empty data', () => {
    expect(decodeRepliableDatagram(encodeRepliableDatagram(ed25519, new Uint8Array(0))).data.length).toBe(0);
  });

  it('rejects changed data, a changed signature and another sender with BAD_SIGNATURE', () => {
    const datagram = encodeRepliableDatagram(ed25519, DATA);
    const changedData = datagram.slice();
    changedData[changedData.length - 1]! ^= 1;
    expectCode(() => decodeRepliableDatagram(changedData), 'BAD_SIGNATURE');
    const changedSignature = datagram.slice();
    changedSignature[ed25519.destination.bytes.length + 5]! ^= 1;
    expectCode(() => decodeRepliableDatagram(changedSignature), 'BAD_SIGNATURE');
    const other = generateDestination();
    const forged = datagram.slice();
    forged.set(other.destination.bytes);
    expectCode(() => decodeRepliableDatagram(forged), 'BAD_SIGNATURE');
  });

  it('throws DECODE_TRUNCATED for a cut Destination or Signature', () => {
    const datagram = encodeRepliableDatagram(ed25519, DATA);
    const dataAt = ed25519.destination.bytes.length + 64;
    for (const n of [0, 1, 100, ed25519.destination.bytes.length - 1, dataAt - 1]) {
      expectCode(() => decodeRepliableDatagram(datagram.subarray(0, n)), 'DECODE_TRUNCATED');
    }
  });

  it('refuses a signing key of another type than the Destination with BAD_KEY', () => {
    expectCode(() => encodeRepliableDatagram({ destination: ed25519.destination, signingPrivateKey: dsa.signingPrivateKey }, DATA), 'BAD_KEY');
  });

  it('must fit one I2CP payload, Destination and Signature included', () => {
    const room = MAX_UNCOMPRESSED_PAYLOAD - ed25519.destination.bytes.length - 64;
    const full = encodeRepliableDatagram(ed25519, new Uint8Array(room));
    expect(full.length).toBe(MAX_UNCOMPRESSED_PAYLOAD);
    expect(decodeRepliableDatagram(full).data.length).toBe(room);
    expectCode(() => encodeRepliableDatagram(ed25519, new Uint8Array(room + 1)), 'PAYLOAD_TOO_LARGE');
    expectCode(() => decodeRepliableDatagram(new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1)), 'PAYLOAD_TOO_LARGE');
  });

  it('travels in a protocol-17 payload', () => {
    const payload = encodePayload({ data: encodeRepliableDatagram(ed25519, DATA), protocol: Protocol.RepliableDatagram, toPort: 7 });
    const received = decodePayload(payload);
    expect(received.protocol).toBe(17);
    expect(decodeRepliableDatagram(received.data).data).toEqual(DATA);
  });

  test.prop([fc.uint8Array({ maxLength: 1200 })], { numRuns: 500 })('random bytes decode or throw an I2cpError', (bytes) => {
    try {
      decodeRepliableDatagram(bytes);
    } catch (e) {
      expect(isI2cpError(e), String(e)).toBe(true);
    }
  });

  // Only the signature and what it covers: the crypto key and padding of the sender are not signed.
  const valid = encodeRepliableDatagram(ed25519, DATA);
  const signatureAt = ed25519.destination.bytes.length;
  test.prop([fc.integer({ min: signatureAt, max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.nat({ max: valid.length })], {
    numRuns: 300,
  })('a changed or cut datagram throws an I2cpError, never anything else', (at, flip, cut) => {
    const bytes = valid.slice(0, cut);
    if (cut === valid.length) bytes[at]! ^= flip;
    try {
      decodeRepliableDatagram(bytes);
      expect.fail('a changed or cut datagram decoded');
    } catch (e) {
      expect(isI2cpError(e), String(e)).toBe(true);
    }
  });
});

describe('raw datagram', () => {
  it('is the data itself, up to 40960 bytes', () => {
    const data = new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD);
    expect(encodeRawDatagram(data)).toBe(data);
    expect(decodeRawDatagram(data)).toBe(data);
  });

  it('rejects more with PAYLOAD_TOO_LARGE both ways', () => {
    const data = new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1);
    expectCode(() => encodeRawDatagram(data), 'PAYLOAD_TOO_LARGE');
    expectCode(() => decodeRawDatagram(data), 'PAYLOAD_TOO_LARGE');
  });
});
