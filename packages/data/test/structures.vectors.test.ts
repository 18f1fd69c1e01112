import { describe, expect, it } from 'vitest';
import { Reader, Writer, fromHex, toHex } from '../src/bytes.js';
import { isI2cpError } from '../src/errors.js';
import { sha256 } from '../src/crypto/hash.js';
import { readBandwidthLimits2003, writeBandwidthLimits2003 } from '../src/structures/bandwidth-limits.js';
import {
  NULL_CERTIFICATE,
  certificateEncType,
  certificateSigType,
  keyCertificate,
  parseKeyCertificate,
  readCertificate,
  writeCertificate,
} from '../src/structures/certificate.js';
import { createDestination, destinationFromBytes, destinationHash, readDestination } from '../src/structures/destination.js';
import { readLeaseSet } from '../src/structures/lease-set.js';
import { readLeaseSet2 } from '../src/structures/lease-set2.js';
import { mappingFrom, readMapping, sortMappingKeys, writeMapping } from '../src/structures/mapping.js';
import { decode, encode, readBoolean, readString, writeBoolean, writeString } from '../src/structures/primitives.js';
import { readSessionConfig } from '../src/structures/session-config.js';
import {
  DSA_NULL_DESTINATION,
  ED25519_ELGAMAL_DESTINATION,
  ED25519_X25519_DESTINATION,
  GETDATE_AUTH_MAPPING,
  NON_BMP_MAPPING,
  P521_DESTINATION,
} from './vectors/structures.js';

function errorOf(f: () => unknown): { code: string; offset?: number; message: string } {
  try {
    f();
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    return e;
  }
  throw new Error('expected an I2cpError');
}

describe('Destination vectors', () => {
  it('decodes the 391-byte Ed25519/X25519 layout confirmed against i2pd', () => {
    const v = ED25519_X25519_DESTINATION;
    const bytes = fromHex(v.hex);
    expect(bytes.length).toBe(391);
    const d = destinationFromBytes(bytes);
    expect(d.publicKey).toEqual({ encType: 4, bytes: fromHex(v.publicKey) });
    expect(d.signingPublicKey).toEqual({ sigType: 7, bytes: fromHex(v.signingPublicKey) });
    expect(toHex(d.padding)).toBe(v.padding);
    expect(d.certificate.type).toBe(5);
    expect(parseKeyCertificate(d.certificate)).toMatchObject({ sigType: 7, encType: 4 });
    expect(toHex(destinationHash(d))).toBe(toHex(sha256(bytes)));
    const again = createDestination({ publicKey: d.publicKey, signingPublicKey: d.signingPublicKey, padding: d.padding });
    expect(toHex(again.bytes)).toBe(toHex(bytes));
  });

  it('decodes the 391-byte Ed25519/ElGamal form with 96 bytes of padding', () => {
    const v = ED25519_ELGAMAL_DESTINATION;
    const d = destinationFromBytes(fromHex(v.hex));
    expect(d.bytes.length).toBe(391);
    expect(d.publicKey.encType).toBe(0);
    expect(toHex(d.publicKey.bytes)).toBe(v.publicKey);
    expect(d.padding.length).toBe(96);
    expect(toHex(d.signingPublicKey.bytes)).toBe(v.signingPublicKey);
    const again = createDestination({ publicKey: d.publicKey, signingPublicKey: d.signingPublicKey, padding: d.padding });
    expect(toHex(again.bytes)).toBe(toHex(d.bytes));
  });

  it('decodes the 387-byte NULL-certificate DSA form (the 2003 Destination)', () => {
    const v = DSA_NULL_DESTINATION;
    const d = destinationFromBytes(fromHex(v.hex));
    expect(d.bytes.length).toBe(387);
    expect(d.certificate).toEqual(NULL_CERTIFICATE);
    expect(d.signingPublicKey).toEqual({ sigType: 0, bytes: fromHex(v.signingPublicKey) });
    expect(d.padding.length).toBe(0);
    const again = createDestination({ publicKey: d.publicKey, signingPublicKey: d.signingPublicKey });
    expect(toHex(again.bytes)).toBe(toHex(fromHex(v.hex)));
  });

  it('joins a P521 key from the 128-byte field and the certificate excess', () => {
    const v = P521_DESTINATION;
    const d = destinationFromBytes(fromHex(v.hex));
    expect(d.bytes.length).toBe(395);
    expect(toHex(d.signingPublicKey.bytes)).toBe(v.signingKeyHead + '99999999');
    expect(parseKeyCertificate(d.certificate).excessSigningKey).toEqual(fromHex('99999999'));
    const again = createDestination({ publicKey: d.publicKey, signingPublicKey: d.signingPublicKey, padding: d.padding });
    expect(toHex(again.bytes)).toBe(toHex(d.bytes));
  });

  it('returns views of the input, not copies', () => {
    const input = fromHex('ff' + ED25519_X25519_DESTINATION.hex + 'ee');
    const r = new Reader(input);
    r.u8();
    const d = readDestination(r);
    expect(r.offset).toBe(392);
    expect(d.bytes.buffer).toBe(input.buffer);
    expect(d.bytes.byteOffset).toBe(1);
    expect(d.signingPublicKey.bytes.buffer).toBe(input.buffer);
    expect(d.certificate.payload.byteOffset).toBe(1 + 387);
  });

  it('rejects excess certificate data, unknown key types and short KEY certificates', () => {
    const nullWithPayload = fromHex(DSA_NULL_DESTINATION.publicKey + DSA_NULL_DESTINATION.signingPublicKey + '00 0001 00');
    expect(errorOf(() => destinationFromBytes(nullWithPayload))).toMatchObject({ code: 'DECODE_INVALID', offset: 387 });
    const base = ED25519_ELGAMAL_DESTINATION.publicKey + ED25519_ELGAMAL_DESTINATION.padding + ED25519_ELGAMAL_DESTINATION.signingPublicKey;
    expect(errorOf(() => destinationFromBytes(fromHex(base + '05 0005 0007 0000 00')))).toMatchObject({ code: 'DECODE_INVALID' });
    expect(errorOf(() => destinationFromBytes(fromHex(base + '05 0004 00ff 0000')))).toMatchObject({ code: 'UNSUPPORTED_TYPE', offset: 387 });
    expect(errorOf(() => destinationFromBytes(fromHex(base + '05 0004 0007 0100')))).toMatchObject({ code: 'UNSUPPORTED_TYPE', offset: 389 });
    expect(errorOf(() => destinationFromBytes(fromHex(base + '05 0002 0007')))).toMatchObject({ code: 'DECODE_INVALID' });
    expect(errorOf(() => destinationFromBytes(fromHex(base + '09 0000')))).toMatchObject({ code: 'DECODE_INVALID' });
  });

  it('creates NULL for ElGamal+DSA and KEY certificates otherwise, with prop-161 padding', () => {
    const d = createDestination({ publicKey: { encType: 0, bytes: new Uint8Array(256) }, signingPublicKey: { sigType: 7, bytes: new Uint8Array(32).fill(1) } });
    expect(toHex(d.bytes.subarray(384))).toBe('050004' + '0007' + '0000');
    const p = d.padding;
    expect(p.length).toBe(96);
    expect(p.subarray(0, 32)).toEqual(p.subarray(32, 64));
    expect(p.subarray(0, 32)).toEqual(p.subarray(64, 96));
    expect(p.subarray(0, 32).some((b) => b !== 0)).toBe(true);
    const legacy = createDestination({ publicKey: { encType: 0, bytes: new Uint8Array(256) }, signingPublicKey: { sigType: 0, bytes: new Uint8Array(128) } });
    expect(legacy.certificate).toEqual(NULL_CERTIFICATE);
  });

  it('refuses keys of the wrong size, wrong padding and mismatched certificates', () => {
    const pk = { encType: 0, bytes: new Uint8Array(256) };
    const spk = { sigType: 7, bytes: new Uint8Array(32) };
    expect(errorOf(() => createDestination({ publicKey: pk, signingPublicKey: { sigType: 7, bytes: new Uint8Array(31) } })).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => createDestination({ publicKey: pk, signingPublicKey: spk, padding: new Uint8Array(95) })).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => createDestination({ publicKey: pk, signingPublicKey: spk, certificate: keyCertificate(1, 0) })).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => createDestination({ publicKey: pk, signingPublicKey: spk, certificate: NULL_CERTIFICATE })).code).toBe('ENCODE_INVALID');
  });
});

describe('Certificate', () => {
  it('reads and writes the generic form', () => {
    const c = decode(readCertificate, fromHex('05 0004 0007 0000'));
    expect(certificateSigType(c)).toBe(7);
    expect(certificateEncType(c)).toBe(0);
    expect(toHex(encode(writeCertificate, c))).toBe('050004' + '00070000');
    expect(certificateSigType(NULL_CERTIFICATE)).toBe(0);
    expect(certificateEncType(NULL_CERTIFICATE)).toBe(0);
    expect(toHex(encode(writeCertificate, NULL_CERTIFICATE))).toBe('000000');
  });

  it('prohibits excess data per type', () => {
    expect(errorOf(() => decode(readCertificate, fromHex('02 0001 00'))).code).toBe('DECODE_INVALID');
    expect(errorOf(() => decode(readCertificate, fromHex('03 0001 00'))).code).toBe('DECODE_INVALID');
    expect(decode(readCertificate, fromHex('03 0028' + '00'.repeat(40))).payload.length).toBe(40);
    expect(decode(readCertificate, fromHex('01 0003 616263')).type).toBe(1);
    expect(errorOf(() => encode(writeCertificate, { type: 0, payload: new Uint8Array(1) })).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => parseKeyCertificate(NULL_CERTIFICATE)).code).toBe('DECODE_INVALID');
  });
});

describe('Mapping', () => {
  it('decodes and re-encodes the GetDate authentication mapping of I2CP-wire §9', () => {
    const m = decode((r) => readMapping(r), fromHex(GETDATE_AUTH_MAPPING.hex));
    expect(Object.fromEntries(m)).toEqual(GETDATE_AUTH_MAPPING.entries);
    expect(toHex(encode(writeMapping, mappingFrom(GETDATE_AUTH_MAPPING.entries)))).toBe(toHex(fromHex(GETDATE_AUTH_MAPPING.hex)));
  });

  it('sorts in UTF-16 code-unit order like Java, also outside the BMP', () => {
    expect(toHex(encode(writeMapping, mappingFrom(NON_BMP_MAPPING.entries)))).toBe(toHex(fromHex(NON_BMP_MAPPING.hex)));
    expect(sortMappingKeys(['b', 'a', 'B', '\uffff', '\u{1f600}', 'ab'])).toEqual(['B', 'a', 'ab', 'b', '\u{1f600}', '\uffff']);
  });

  it('rejects duplicate keys and malformed entries with the offset', () => {
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('000a 01 61 3d 01 31 3b 01 61 3d 01 32 3b')))).toMatchObject({ code: 'DECODE_INVALID' });
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('000c 01 61 3d 01 31 3b 01 61 3d 01 32 3b')))).toMatchObject({
      code: 'DECODE_INVALID',
      offset: 8,
    });
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('0006 01 61 3a 01 31 3b')))).toMatchObject({ code: 'DECODE_INVALID', offset: 4 });
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('0006 01 61 3d 01 31 3a')))).toMatchObject({ code: 'DECODE_INVALID', offset: 7 });
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('0004 05 61 3d 01')))).toMatchObject({ code: 'DECODE_INVALID', offset: 2 });
    expect(errorOf(() => decode((r) => readMapping(r), fromHex('0006 01 ff 3d 01 31 3b')))).toMatchObject({ code: 'DECODE_INVALID', offset: 3 });
  });

  it('accepts = and ; inside keys on read but refuses them on write', () => {
    const m = decode((r) => readMapping(r), fromHex('0007 02 613d 3d 01 31 3b'));
    expect(m.get('a=')).toBe('1');
    expect(errorOf(() => encode(writeMapping, m)).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => encode(writeMapping, mappingFrom({ 'a;': '1' }))).code).toBe('ENCODE_INVALID');
    expect(toHex(encode(writeMapping, mappingFrom({ a: 'x=y;' })))).toBe('0009' + '0161' + '3d' + '04783d793b' + '3b');
  });

  it('enforces maxBytes and the 65535-byte limit', () => {
    const bytes = encode(writeMapping, mappingFrom({ key: 'value' }));
    expect(errorOf(() => decode((r) => readMapping(r, { maxBytes: 5 }), bytes)).code).toBe('DECODE_INVALID');
    expect(decode((r) => readMapping(r, { maxBytes: 12 }), bytes).get('key')).toBe('value');
    const big = mappingFrom(Array.from({ length: 300 }, (_, i): [string, string] => [`k${i}`, 'v'.repeat(250)]));
    expect(errorOf(() => encode(writeMapping, big)).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => encode(writeMapping, mappingFrom({ k: 'v'.repeat(256) }))).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => mappingFrom([['a', '1'], ['a', '2']])).code).toBe('ENCODE_INVALID');
  });
});

describe('primitives', () => {
  it('String: at most 255 bytes, strict UTF-8', () => {
    expect(encode(writeString, 'é'.repeat(127)).length).toBe(255);
    expect(errorOf(() => encode(writeString, 'é'.repeat(128))).code).toBe('ENCODE_INVALID');
    expect(errorOf(() => decode(readString, fromHex('02 c328')))).toMatchObject({ code: 'DECODE_INVALID', offset: 1 });
    expect(decode(readString, fromHex('00'))).toBe('');
  });

  it('Boolean (2003): 0, 1, 2 = unknown; anything else is invalid', () => {
    expect([0, 1, 2].map((b) => decode(readBoolean, new Uint8Array([b])))).toEqual([false, true, null]);
    expect(toHex(encode(writeBoolean, null))).toBe('02');
    expect(errorOf(() => decode(readBoolean, new Uint8Array([3])))).toMatchObject({ code: 'DECODE_INVALID', offset: 0 });
  });
});

describe('limits', () => {
  const dest = ED25519_ELGAMAL_DESTINATION.hex;
  it('LS1: more than 16 leases is invalid', () => {
    const bytes = fromHex(dest + '00'.repeat(256) + '44'.repeat(32) + '11' + '00'.repeat(44 * 17) + '00'.repeat(64));
    expect(errorOf(() => decode(readLeaseSet, bytes))).toMatchObject({ code: 'DECODE_INVALID', offset: 391 + 256 + 32 });
  });

  it('LS2: zero keys, over 8 keys, or a known key type of the wrong size are invalid', () => {
    const header = dest + '00000001' + '0258' + '0000' + '0000';
    expect(errorOf(() => decode(readLeaseSet2, fromHex(header + '00' + '00')))).toMatchObject({ code: 'DECODE_INVALID' });
    expect(errorOf(() => decode(readLeaseSet2, fromHex(header + '09')))).toMatchObject({ code: 'DECODE_INVALID' });
    expect(errorOf(() => decode(readLeaseSet2, fromHex(header + '01 0004 0020' + '00'.repeat(31))))).toMatchObject({ code: 'DECODE_TRUNCATED' });
    expect(errorOf(() => decode(readLeaseSet2, fromHex(header + '01 0004 001f' + '00'.repeat(31))))).toMatchObject({ code: 'DECODE_INVALID' });
  });

  it('BandwidthLimits2003: exactly one class without routers', () => {
    const cls = (routers: number): string => '01 61' + routers.toString(16).padStart(2, '0') + '00'.repeat(32 * routers) + '00000001 00000002 00000003 00000004';
    expect(decode(readBandwidthLimits2003, fromHex('02' + cls(0) + cls(1))).classes.length).toBe(2);
    expect(errorOf(() => decode(readBandwidthLimits2003, fromHex('02' + cls(0) + cls(0)))).code).toBe('DECODE_INVALID');
    expect(errorOf(() => decode(readBandwidthLimits2003, fromHex('01' + cls(2)))).code).toBe('DECODE_INVALID');
    expect(errorOf(() => decode(readBandwidthLimits2003, fromHex('00'))).code).toBe('DECODE_INVALID');
    expect(errorOf(() => encode(writeBandwidthLimits2003, { classes: [] })).code).toBe('ENCODE_INVALID');
  });

  it('SessionConfig: the transient-key option selects the signature size (current only)', () => {
    const options = mappingFrom({ 'i2cp.leaseSetTransientPublicKey': '7:AAAA' });
    const w = new Writer();
    w.bytes(fromHex(DSA_NULL_DESTINATION.hex));
    writeMapping(w, options);
    w.u64(1).bytes(new Uint8Array(64));
    const cfg = decode((r) => readSessionConfig(r, 'current'), w.finish());
    expect(cfg.signature.sigType).toBe(7);
    const unknown = new Writer();
    unknown.bytes(fromHex(DSA_NULL_DESTINATION.hex));
    writeMapping(unknown, mappingFrom({ 'i2cp.leaseSetTransientPublicKey': 'NOPE:AAAA' }));
    unknown.u64(1);
    expect(errorOf(() => readSessionConfig(new Reader(unknown.finish()), 'current')).code).toBe('UNSUPPORTED_TYPE');
  });
});
