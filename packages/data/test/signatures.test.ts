// Sign/verify round trips of every signed structure, with real keys from src/crypto.
import { describe, expect, it } from 'vitest';
import { Writer, concatBytes, toHex } from '../src/bytes.js';
import { isI2cpError } from '../src/errors.js';
import { SigType } from '../src/key-types.js';
import { generateSigningKeys, sign, verify } from '../src/crypto/signing.js';
import { randomBytes } from '../src/crypto/hash.js';
import { toBase64 } from '../src/encoding/base64.js';
import { generateDestination } from '../src/keys/generate.js';
import { samePublicKeyField } from '../src/structures/destination.js';
import { encode, decode } from '../src/structures/primitives.js';
import { leaseSet2SignedBytes, offlineSignatureSignedBytes, readLeaseSet2, writeLeaseSet2 } from '../src/structures/lease-set2.js';
import { readLeaseSet, readLeaseSet2003, writeLeaseSet, writeLeaseSet2003 } from '../src/structures/lease-set.js';
import { mappingFrom, writeMapping } from '../src/structures/mapping.js';
import { readRouterInfo, readRouterInfo2003, writeRouterInfo, writeRouterInfo2003 } from '../src/structures/router-info.js';
import { readSessionConfig, writeSessionConfig } from '../src/structures/session-config.js';
import {
  signLeaseSet,
  signLeaseSet2,
  signLeaseSet2003,
  signRouterInfo,
  signRouterInfo2003,
  signSessionConfig,
  verifyLeaseSet,
  verifyLeaseSet2,
  verifyLeaseSet2003,
  verifyRouterInfo,
  verifyRouterInfo2003,
  verifySessionConfig,
} from '../src/structures/signatures.js';
import type { LeaseSet2 } from '../src/structures/types.js';

const ed = generateDestination();
const dsa = generateDestination({ sigType: 0 });
const hash = (): Uint8Array => randomBytes(32);

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    return e.code;
  }
  return 'none';
}

describe('generateDestination', () => {
  it('defaults to Ed25519 with an ElGamal crypto field: 391 bytes, KEY cert 7/0', () => {
    expect(ed.destination.bytes.length).toBe(391);
    expect(toHex(ed.destination.bytes.subarray(384))).toBe('05000400070000');
    expect(ed.privateKey.encType).toBe(0);
    expect(ed.signingPrivateKey.sigType).toBe(7);
  });

  it('DSA + ElGamal gives the 387-byte NULL-certificate form', () => {
    expect(dsa.destination.bytes.length).toBe(387);
    expect(dsa.destination.certificate.type).toBe(0);
  });

  it('reuses given encryption keys (a subsession Destination): same public-key field, new signing key', () => {
    const sub = generateDestination({ subsessionOf: ed, encType: 4 });
    expect(sub.destination.bytes.subarray(0, 256)).toEqual(ed.destination.bytes.subarray(0, 256));
    expect(sub.privateKey).toBe(ed.privateKey);
    expect(sub.destination.signingPublicKey.bytes).not.toEqual(ed.destination.signingPublicKey.bytes);
    expect(samePublicKeyField(sub.destination, ed.destination)).toBe(true);
    expect(samePublicKeyField(generateDestination().destination, ed.destination)).toBe(false);
  });

  it('X25519 crypto field and ECDSA keys', () => {
    const x = generateDestination({ encType: 4, sigType: 1 });
    expect(x.destination.publicKey.bytes.length).toBe(32);
    expect(x.destination.padding.length).toBe(384 - 32 - 64);
    expect(toHex(x.destination.bytes.subarray(384))).toBe('05000400010004');
  });
});

describe('LeaseSet signatures', () => {
  it('2003 LeaseSet: signed by the DSA Destination key, survives a round trip, detects tampering', () => {
    const unsigned = {
      destination: dsa.destination,
      encryptionKey: dsa.destination.publicKey,
      signingKey: dsa.destination.signingPublicKey,
      version: 7,
      leases: [{ gateway: dsa.destination, tunnelId: 42, startDate: 1_700_000_000_000, endDate: 1_700_000_600_000 }],
    };
    const ls = signLeaseSet2003(unsigned, dsa.signingPrivateKey);
    expect(verifyLeaseSet2003(ls)).toBe(true);
    expect(verifyLeaseSet2003(decode(readLeaseSet2003, encode(writeLeaseSet2003, ls)))).toBe(true);
    expect(verifyLeaseSet2003({ ...ls, version: 8 })).toBe(false);
    expect(codeOf(() => signLeaseSet2003(unsigned, ed.signingPrivateKey))).toBe('BAD_KEY');
  });

  it('2003 LeaseSet for an Ed25519 Destination: revocation key and signature sized by its type, round trip, tampering', () => {
    const revocation = generateSigningKeys(SigType.EdDSA_SHA512_Ed25519);
    const unsigned = {
      destination: ed.destination,
      encryptionKey: dsa.destination.publicKey,
      signingKey: revocation.publicKey,
      version: 9,
      leases: [{ gateway: dsa.destination, tunnelId: 7, startDate: 1_700_000_000_000, endDate: 1_700_000_600_000 }],
    };
    const ls = signLeaseSet2003(unsigned, ed.signingPrivateKey);
    expect(ls.signature.bytes.length).toBe(64);
    const bytes = encode(writeLeaseSet2003, ls);
    // Destination 391 + ElGamal key 256 + Ed25519 revocation key 32 + count 1 + version 4 + lease 403 + signature 64.
    expect(bytes.length).toBe(ed.destination.bytes.length + 256 + 32 + 1 + 4 + (dsa.destination.bytes.length + 4 + 8 + 8) + 64);
    const back = decode(readLeaseSet2003, bytes);
    expect(back.signingKey).toEqual(revocation.publicKey);
    expect(verifyLeaseSet2003(back)).toBe(true);
    expect(verifyLeaseSet2003({ ...ls, version: 10 })).toBe(false);
    expect(codeOf(() => signLeaseSet2003(unsigned, dsa.signingPrivateKey))).toBe('BAD_KEY');
    // A revocation key of another type than the Destination's cannot be written.
    expect(codeOf(() => encode(writeLeaseSet2003, { ...ls, signingKey: dsa.destination.signingPublicKey }))).toBe('ENCODE_INVALID');
  });

  it('LS1: signed over all preceding bytes', () => {
    const unsigned = {
      destination: ed.destination,
      encryptionKey: ed.destination.publicKey,
      signingKey: { sigType: 7, bytes: new Uint8Array(32) },
      leases: [{ gateway: hash(), tunnelId: 1, endDate: 1_700_000_600_000 }],
    };
    const ls = signLeaseSet(unsigned, ed.signingPrivateKey);
    const bytes = encode(writeLeaseSet, ls);
    expect(verify(ed.destination.signingPublicKey, bytes.subarray(0, bytes.length - 64), ls.signature)).toBe(true);
    expect(verifyLeaseSet(decode(readLeaseSet, bytes))).toBe(true);
    expect(verifyLeaseSet({ ...ls, leases: [] })).toBe(false);
  });

  it('LS2: signature covers 0x03 followed by the LS2 bytes', () => {
    const unsigned: Omit<LeaseSet2, 'signature'> = {
      destination: ed.destination,
      publishedSeconds: 1_700_000_000,
      expiresOffsetSeconds: 600,
      flags: 0,
      options: mappingFrom({}),
      encryptionKeys: [{ encType: 4, bytes: randomBytes(32) }],
      leases: [{ gateway: hash(), tunnelId: 9, endSeconds: 1_700_000_600 }],
    };
    const ls = signLeaseSet2(unsigned, ed.signingPrivateKey);
    const bytes = encode(writeLeaseSet2, ls);
    const signed = concatBytes([new Uint8Array([3]), bytes.subarray(0, bytes.length - 64)]);
    expect(leaseSet2SignedBytes(unsigned)).toEqual(signed);
    expect(verify(ed.destination.signingPublicKey, signed, ls.signature)).toBe(true);
    expect(verifyLeaseSet2(decode(readLeaseSet2, bytes))).toBe(true);
    expect(verifyLeaseSet2({ ...ls, publishedSeconds: 1 })).toBe(false);
  });

  it('LS2 with an offline signature: the transient key signs, the Destination authorises it', () => {
    const transient = generateSigningKeys(7);
    const offlinePart = { expiresSeconds: 1_800_000_000, transientKey: transient.publicKey };
    const offlineSignature = { ...offlinePart, signature: sign(dsa.signingPrivateKey, offlineSignatureSignedBytes(offlinePart)) };
    const unsigned: Omit<LeaseSet2, 'signature'> = {
      destination: dsa.destination,
      publishedSeconds: 1_700_000_000,
      expiresOffsetSeconds: 600,
      flags: 1,
      offlineSignature,
      options: mappingFrom({ a: 'b' }),
      encryptionKeys: [{ encType: 4, bytes: randomBytes(32) }],
      leases: [],
    };
    expect(codeOf(() => signLeaseSet2(unsigned, dsa.signingPrivateKey))).toBe('BAD_KEY');
    const ls = signLeaseSet2(unsigned, transient.privateKey);
    expect(ls.signature.bytes.length).toBe(64);
    const back = decode(readLeaseSet2, encode(writeLeaseSet2, ls));
    expect(back.offlineSignature?.signature.bytes.length).toBe(40);
    expect(verifyLeaseSet2(back)).toBe(true);
    const forged = { ...offlineSignature, expiresSeconds: 1_900_000_000 };
    expect(verifyLeaseSet2({ ...ls, offlineSignature: forged })).toBe(false);
    expect(codeOf(() => encode(writeLeaseSet2, { ...ls, flags: 0 }))).toBe('ENCODE_INVALID');
  });
});

describe('RouterInfo signatures', () => {
  it('2003 RouterInfo with addresses and sightings', () => {
    const ri = signRouterInfo2003(
      {
        identity: dsa.destination,
        version: 1,
        addresses: [{ transport: 'TCP', cost: 10, expiration: 0, options: mappingFrom({ host: '127.0.0.1', port: '1234' }) }],
        sightings: [{ routerHash: hash(), date: 1, expiration: 2, signature: { sigType: 0, bytes: new Uint8Array(40) } }],
        options: mappingFrom({ caps: 'R' }),
      },
      dsa.signingPrivateKey,
    );
    expect(verifyRouterInfo2003(decode(readRouterInfo2003, encode(writeRouterInfo2003, ri)))).toBe(true);
    expect(verifyRouterInfo2003({ ...ri, version: 2 })).toBe(false);
  });

  it('current RouterInfo', () => {
    const ri = signRouterInfo(
      {
        identity: ed.destination,
        published: 1_700_000_000_000,
        addresses: [{ cost: 5, expiration: 0, transport: 'NTCP2', options: mappingFrom({ host: '127.0.0.1', port: '1' }) }],
        peers: [],
        options: mappingFrom({ caps: 'XR', 'router.version': '0.9.67' }),
      },
      ed.signingPrivateKey,
    );
    expect(verifyRouterInfo(decode(readRouterInfo, encode(writeRouterInfo, ri)))).toBe(true);
    expect(verifyRouterInfo({ ...ri, published: 1 })).toBe(false);
    expect(codeOf(() => signRouterInfo(ri, dsa.signingPrivateKey))).toBe('BAD_KEY');
  });
});

describe('SessionConfig signatures', () => {
  const options = mappingFrom({ 'inbound.length': '0', 'i2cp.fastReceive': 'true' });

  it('current: signature over Destination ‖ Mapping ‖ Date', () => {
    const cfg = signSessionConfig({ destination: ed.destination, options, date: 1_700_000_000_000 }, ed.signingPrivateKey, 'current');
    const w = new Writer();
    w.bytes(ed.destination.bytes);
    writeMapping(w, options);
    w.u64(1_700_000_000_000);
    expect(verify(ed.destination.signingPublicKey, w.finish(), cfg.signature)).toBe(true);
    const back = decode((r) => readSessionConfig(r, 'current'), encode((w2, v: typeof cfg) => writeSessionConfig(w2, v, 'current'), cfg));
    expect(verifySessionConfig(back, 'current')).toBe(true);
    expect(verifySessionConfig({ ...cfg, date: 1 }, 'current')).toBe(false);
  });

  it('defaults the date to now in the current dialect', () => {
    const before = Date.now();
    const cfg = signSessionConfig({ destination: ed.destination, options }, ed.signingPrivateKey, 'current');
    expect(cfg.date).toBeGreaterThanOrEqual(before);
  });

  it('2003: no date, signature over Destination ‖ Mapping', () => {
    const cfg = signSessionConfig({ destination: dsa.destination, options }, dsa.signingPrivateKey, '2003');
    expect(cfg.date).toBeUndefined();
    const w = new Writer();
    w.bytes(dsa.destination.bytes);
    writeMapping(w, options);
    expect(verify(dsa.destination.signingPublicKey, w.finish(), cfg.signature)).toBe(true);
    const bytes = encode((w2, v: typeof cfg) => writeSessionConfig(w2, v, '2003'), cfg);
    expect(bytes.length).toBe(387 + encode(writeMapping, options).length + 40);
    expect(verifySessionConfig(decode((r) => readSessionConfig(r, '2003'), bytes), '2003')).toBe(true);
    expect(codeOf(() => signSessionConfig({ destination: dsa.destination, options, date: 5 }, dsa.signingPrivateKey, '2003'))).toBe(
      'ENCODE_INVALID',
    );
  });

  it('refuses a key of another type', () => {
    expect(codeOf(() => signSessionConfig({ destination: ed.destination, options }, dsa.signingPrivateKey, 'current'))).toBe('BAD_KEY');
  });

  it('offline keys (current): the transient key signs, the Destination authorises it in the options', () => {
    const transient = generateSigningKeys(7);
    const expiresSeconds = 1_800_000_000;
    const authorisation = sign(dsa.signingPrivateKey, offlineSignatureSignedBytes({ expiresSeconds, transientKey: transient.publicKey }));
    const offlineOptions = (sig: Uint8Array, expires = expiresSeconds) =>
      mappingFrom({
        'i2cp.leaseSetOfflineExpiration': String(expires),
        'i2cp.leaseSetTransientPublicKey': `7:${toBase64(transient.publicKey.bytes)}`,
        'i2cp.leaseSetOfflineSignature': toBase64(sig),
      });
    const date = 1_700_000_000_000;
    const cfg = signSessionConfig({ destination: dsa.destination, options: offlineOptions(authorisation.bytes), date }, transient.privateKey, 'current');
    expect(cfg.signature.sigType).toBe(7);
    const bytes = encode((w, v: typeof cfg) => writeSessionConfig(w, v, 'current'), cfg);
    expect(verifySessionConfig(decode((r) => readSessionConfig(r, 'current'), bytes), 'current')).toBe(true);
    expect(codeOf(() => signSessionConfig({ destination: dsa.destination, options: cfg.options, date }, dsa.signingPrivateKey, 'current'))).toBe('BAD_KEY');
    const forged = signSessionConfig({ destination: dsa.destination, options: offlineOptions(new Uint8Array(40)), date }, transient.privateKey, 'current');
    expect(verifySessionConfig(forged, 'current')).toBe(false);
    const expired = signSessionConfig(
      { destination: dsa.destination, options: offlineOptions(authorisation.bytes), date: expiresSeconds * 1000 + 1 },
      transient.privateKey,
      'current',
    );
    expect(verifySessionConfig(expired, 'current')).toBe(false);
    const garbled = { ...cfg, options: mappingFrom({ ...Object.fromEntries(cfg.options), 'i2cp.leaseSetOfflineSignature': '!!' }) };
    expect(verifySessionConfig(garbled, 'current')).toBe(false);
  });
});
