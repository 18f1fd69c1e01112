// Property tests for every structure: byte-exact round trips, every strict prefix is
// DECODE_TRUNCATED, and random bytes decode or fail with an I2cpError (never a native error).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Reader } from '../src/bytes.js';
import type { Writer } from '../src/bytes.js';
import { isI2cpError } from '../src/errors.js';
import { readBandwidthLimits, readBandwidthLimits2003, writeBandwidthLimits, writeBandwidthLimits2003 } from '../src/structures/bandwidth-limits.js';
import { createDestination, destinationFromBytes, readDestination, writeDestination } from '../src/structures/destination.js';
import { certificateEncType, certificateSigType, readCertificate } from '../src/structures/certificate.js';
import { readLease, readLease2, readLease2003, writeLease, writeLease2, writeLease2003 } from '../src/structures/lease.js';
import { readLeaseSet, readLeaseSet2003, writeLeaseSet, writeLeaseSet2003 } from '../src/structures/lease-set.js';
import { readLeaseSet2, readOfflineSignature, writeLeaseSet2 } from '../src/structures/lease-set2.js';
import { readMapping, writeMapping } from '../src/structures/mapping.js';
import { decode, encode, readBoolean, readPayload, readString, writeString } from '../src/structures/primitives.js';
import { readPrivateKeyFile } from '../src/keys/private-key-file.js';
import {
  readRouterAddress,
  readRouterAddress2003,
  readRouterInfo,
  readRouterInfo2003,
  writeRouterAddress,
  writeRouterAddress2003,
  writeRouterInfo,
  writeRouterInfo2003,
} from '../src/structures/router-info.js';
import { readSessionConfig, writeSessionConfig } from '../src/structures/session-config.js';
import {
  arbBandwidthLimits,
  arbBandwidthLimits2003,
  arbDestination,
  arbDestinationParts,
  arbEncType,
  arbSigType,
  arbI2pString,
  arbLease,
  arbLease2,
  arbLease2003,
  arbLeaseSet,
  arbLeaseSet2,
  arbLeaseSet2003,
  arbMapping,
  arbRouterAddress,
  arbRouterAddress2003,
  arbRouterInfo,
  arbRouterInfo2003,
  arbSessionConfig,
} from './arbitraries.js';

interface Codec<T> {
  readonly name: string;
  readonly arb: fc.Arbitrary<T>;
  readonly read: (r: Reader) => T;
  readonly write: (w: Writer, v: T) => void;
  /** Large encodings get fewer runs: the prefix check is quadratic. */
  readonly runs: number;
}

const codec = <T>(name: string, arb: fc.Arbitrary<T>, read: (r: Reader) => T, write: (w: Writer, v: T) => void, runs = 60): Codec<T> => ({
  name,
  arb,
  read,
  write,
  runs,
});

const codecs = [
  codec('String', arbI2pString, readString, writeString),
  codec('Mapping', arbMapping, (r) => readMapping(r), writeMapping),
  codec('Destination', arbDestination, readDestination, writeDestination),
  codec('Lease2003', arbLease2003, readLease2003, writeLease2003),
  codec('Lease', arbLease, readLease, writeLease),
  codec('Lease2', arbLease2, readLease2, writeLease2),
  codec('LeaseSet2003', arbLeaseSet2003, readLeaseSet2003, writeLeaseSet2003, 15),
  codec('LeaseSet', arbLeaseSet, readLeaseSet, writeLeaseSet, 30),
  codec('LeaseSet2', arbLeaseSet2, readLeaseSet2, writeLeaseSet2, 30),
  codec('RouterAddress2003', arbRouterAddress2003, readRouterAddress2003, writeRouterAddress2003),
  codec('RouterAddress', arbRouterAddress, readRouterAddress, writeRouterAddress),
  codec('RouterInfo2003', arbRouterInfo2003, readRouterInfo2003, writeRouterInfo2003, 30),
  codec('RouterInfo', arbRouterInfo, readRouterInfo, writeRouterInfo, 30),
  codec('SessionConfig 2003', arbSessionConfig('2003'), (r) => readSessionConfig(r, '2003'), (w, v) => writeSessionConfig(w, v, '2003')),
  codec('SessionConfig current', arbSessionConfig('current'), (r) => readSessionConfig(r, 'current'), (w, v) => writeSessionConfig(w, v, 'current')),
  codec('BandwidthLimits2003', arbBandwidthLimits2003, readBandwidthLimits2003, writeBandwidthLimits2003),
  codec('BandwidthLimits', arbBandwidthLimits, readBandwidthLimits, writeBandwidthLimits),
] as Codec<unknown>[];

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    return e.code;
  }
  return 'none';
}

describe.each(codecs)('$name', ({ arb, read, write, runs }) => {
  test.prop([arb], { numRuns: runs })('round-trips byte for byte', (v) => {
    const bytes = encode(write, v);
    const back = decode(read, bytes);
    expect(back).toEqual(v);
    expect(encode(write, back)).toEqual(bytes);
  });

  test.prop([arb], { numRuns: Math.ceil(runs / 3) })('every strict prefix is DECODE_TRUNCATED', (v) => {
    const bytes = encode(write, v);
    for (let n = 0; n < bytes.length; n++) {
      expect(codeOf(() => read(new Reader(bytes.subarray(0, n))))).toBe('DECODE_TRUNCATED');
    }
  });

  test.prop([arb, fc.uint8Array({ minLength: 1, maxLength: 4 })], { numRuns: 20 })('trailing bytes are DECODE_TRAILING', (v, extra) => {
    const bytes = encode(write, v);
    const padded = new Uint8Array(bytes.length + extra.length);
    padded.set(bytes);
    padded.set(extra, bytes.length);
    expect(codeOf(() => decode(read, padded))).toBe('DECODE_TRAILING');
  });

  test.prop([fc.uint8Array({ maxLength: 1200 })], { numRuns: 300 })('random bytes decode or throw an I2cpError', (b) => {
    codeOf(() => read(new Reader(b)));
  });

  test.prop([arb, fc.nat(), fc.integer({ min: 1, max: 255 })], { numRuns: 100 })('a flipped byte decodes or throws an I2cpError', (v, at, x) => {
    const bytes = encode(write, v).slice();
    if (bytes.length === 0) return;
    bytes[at % bytes.length]! ^= x;
    codeOf(() => read(new Reader(bytes)));
  });
});

describe('KeysAndCert parts', () => {
  test.prop([arbDestinationParts(arbSigType, arbEncType)], { numRuns: 200 })('exposes exactly the keys and padding it was built from', (parts) => {
    const built = createDestination(parts);
    for (const d of [built, destinationFromBytes(built.bytes.slice())]) {
      expect(d.publicKey).toEqual(parts.publicKey);
      expect(d.signingPublicKey).toEqual(parts.signingPublicKey);
      expect(d.padding).toEqual(parts.padding);
      expect(certificateSigType(d.certificate)).toBe(parts.signingPublicKey.sigType);
      expect(certificateEncType(d.certificate)).toBe(parts.publicKey.encType);
      expect(d.bytes.length).toBe(387 + d.certificate.payload.length);
    }
  });
});

describe('random bytes into the remaining readers', () => {
  const readers: [string, (r: Reader) => unknown][] = [
    ['Certificate', readCertificate],
    ['Boolean', readBoolean],
    ['Payload', readPayload],
    ['OfflineSignature', (r) => readOfflineSignature(r, 7)],
    ['PrivateKeyFile', (r) => readPrivateKeyFile(r.rest())],
  ];
  test.prop([fc.constantFrom(...readers), fc.uint8Array({ maxLength: 800 })], { numRuns: 500 })('decode or throw an I2cpError', ([, read], b) => {
    codeOf(() => read(new Reader(b)));
  });
});

describe('Destination certificates', () => {
  const arbCertTail = fc.tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.uint8Array({ maxLength: 8 })).map(
        ([sig, enc, excess]) => new Uint8Array([0, sig, 0, enc, ...excess]),
      ),
    ),
  );
  test.prop([fc.uint8Array({ minLength: 384, maxLength: 384 }), arbCertTail], { numRuns: 400 })(
    'any certificate after the key block decodes consistently or throws an I2cpError',
    (block, [type, payload]) => {
      const bytes = new Uint8Array(387 + payload.length);
      bytes.set(block);
      bytes.set([type, payload.length >> 8, payload.length & 0xff], 384);
      bytes.set(payload, 387);
      let d;
      try {
        d = destinationFromBytes(bytes);
      } catch (e) {
        expect(isI2cpError(e)).toBe(true);
        return;
      }
      const pk = d.publicKey;
      const spk = d.signingPublicKey;
      expect(pk.bytes.length + d.padding.length + spk.bytes.length).toBe(384 + (type === 5 ? d.certificate.payload.length - 4 : 0));
      expect(createDestination({ publicKey: pk, signingPublicKey: spk, padding: d.padding, certificate: d.certificate }).bytes).toEqual(bytes);
    },
  );
});
