/**
 * fast-check arbitraries for every message in both dialects, built on the structure
 * arbitraries of @i2cp/data. Every value generated is valid for its dialect.
 */
import { fc } from '@fast-check/vitest';
import { Writer, encTypeInfo, sigTypeInfo } from '@i2cp/data';
import type { Destination, Dialect, PrivateKey } from '@i2cp/data';
import {
  arbBandwidthLimits,
  arbBandwidthLimits2003,
  arbDate,
  arbDestination,
  arbDestination2003,
  arbEncType,
  arbHash,
  arbI2pString,
  arbLease,
  arbLeaseSet,
  arbLeaseSet2,
  arbLeaseSet2003,
  arbMapping,
  arbRouterInfo2003,
  arbSessionConfig,
  arbSigType,
  arbU32,
} from '../../data/test/arbitraries.js';
import { messageCatalogue } from '../src/catalogue.js';
import type { BlindingEndpoint, HostLookupKey, Message, MessageName } from '../src/messages/types.js';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });
const payload = fc.uint8Array({ maxLength: 200 });
const authKey = bytes(32);

const dest = (dialect: Dialect): fc.Arbitrary<Destination> => (dialect === '2003' ? arbDestination2003 : arbDestination);

const arbPrivateKey: fc.Arbitrary<PrivateKey> = fc.oneof(
  arbEncType.chain((encType) => bytes(encTypeInfo(encType)!.privateKeyLength).map((b) => ({ encType, bytes: b }))),
  fc.tuple(fc.integer({ min: 256, max: 0xffff }), fc.uint8Array({ maxLength: 40 })).map(([encType, b]) => ({ encType, bytes: b })),
);

const sigBytes = (sigType: number, what: 'publicKeyLength' | 'signatureLength'): fc.Arbitrary<Uint8Array> =>
  bytes(sigTypeInfo(sigType)![what]);

/** Optional offline signature section: expires, transient type and key, signature by `signerType`. */
const offlineSection = (signerType: number): fc.Arbitrary<{ bytes: Uint8Array; signsNext: number } | undefined> =>
  fc.option(
    arbSigType.chain((t) =>
      fc.tuple(arbU32, sigBytes(t, 'publicKeyLength'), sigBytes(signerType, 'signatureLength')).map(([exp, key, sig]) => {
        const w = new Writer();
        w.u32(exp).u16(t).bytes(key).bytes(sig);
        return { bytes: w.finish(), signsNext: t };
      }),
    ),
    { nil: undefined },
  );

/** An EncryptedLeaseSet (store type 5) as bytes. */
const arbEncryptedLeaseSet: fc.Arbitrary<Uint8Array> = fc.constantFrom(7, 11).chain((blindedType) =>
  fc
    .tuple(sigBytes(blindedType, 'publicKeyLength'), arbU32, u16, offlineSection(blindedType), fc.uint8Array({ maxLength: 100 }))
    .chain(([key, published, expires, offline, data]) =>
      sigBytes(offline?.signsNext ?? blindedType, 'signatureLength').map((sig) => {
        const w = new Writer();
        w.u16(blindedType).bytes(key).u32(published).u16(expires).u16(offline === undefined ? 0 : 1);
        if (offline !== undefined) w.bytes(offline.bytes);
        w.u16(data.length).bytes(data).bytes(sig);
        return w.finish();
      }),
    ),
);

/** A MetaLeaseSet (store type 7) as bytes. */
const arbMetaLeaseSet: fc.Arbitrary<Uint8Array> = arbDestination.chain((d) => {
  const destType = d.signingPublicKey.sigType;
  return fc
    .tuple(arbU32, u16, offlineSection(destType), fc.array(bytes(40), { maxLength: 3 }), fc.array(arbHash, { maxLength: 3 }))
    .chain(([published, expires, offline, leases, revocations]) =>
      sigBytes(offline?.signsNext ?? destType, 'signatureLength').map((sig) => {
        const w = new Writer();
        w.bytes(d.bytes).u32(published).u16(expires).u16(offline === undefined ? 0 : 1);
        if (offline !== undefined) w.bytes(offline.bytes);
        w.u16(0).u8(leases.length);
        for (const l of leases) w.bytes(l);
        w.u8(revocations.length);
        for (const h of revocations) w.bytes(h);
        w.bytes(sig);
        return w.finish();
      }),
    );
});

const arbHostLookupKey: fc.Arbitrary<HostLookupKey> = fc.oneof(
  fc.record({ kind: fc.constant('hash' as const), hash: arbHash, withOptions: fc.boolean() }),
  fc.record({ kind: fc.constant('hostname' as const), hostname: arbI2pString, withOptions: fc.boolean() }),
  fc.record({ kind: fc.constant('destination' as const), destination: arbDestination }),
);

const arbBlindingEndpoint: fc.Arbitrary<BlindingEndpoint> = fc.oneof(
  fc.record({ kind: fc.constant('hash' as const), hash: arbHash }),
  fc.record({ kind: fc.constant('hostname' as const), hostname: arbI2pString }),
  fc.record({ kind: fc.constant('destination' as const), destination: arbDestination }),
  arbSigType.chain((sigType) =>
    sigBytes(sigType, 'publicKeyLength').map((k): BlindingEndpoint => ({ kind: 'key', sigType, signingPublicKey: k })),
  ),
);

type Gen = (dialect: Dialect) => fc.Arbitrary<Message>;
const generators: Readonly<Record<MessageName, Gen>> = {
  CreateSession: (d) => fc.record({ type: fc.constant('CreateSession' as const), config: arbSessionConfig(d) }),
  ReconfigureSession: (d) => fc.record({ type: fc.constant('ReconfigureSession' as const), sessionId: u16, config: arbSessionConfig(d) }),
  DestroySession: (d) =>
    d === '2003'
      ? fc.record({ type: fc.constant('DestroySession' as const), sessionId: u16, config: arbSessionConfig(d) })
      : fc.record({ type: fc.constant('DestroySession' as const), sessionId: u16 }),
  CreateLeaseSet: (d) =>
    d === '2003'
      ? fc.record({
          type: fc.constant('CreateLeaseSet' as const),
          dialect: fc.constant('2003' as const),
          sessionId: u16,
          privateKey: bytes(256).map((b) => ({ encType: 0, bytes: b })),
          // The SigningPrivateKey has the size of the lease set Destination's signing type.
          leaseSet: arbLeaseSet2003,
        }).chain((m) => {
          const sigType = m.leaseSet.destination.signingPublicKey.sigType;
          return bytes(sigTypeInfo(sigType)!.privateKeyLength).map((b) => ({ ...m, signingPrivateKey: { sigType, bytes: b } }));
        })
      : fc.record({
          type: fc.constant('CreateLeaseSet' as const),
          dialect: fc.constant('current' as const),
          sessionId: u16,
          signingPrivateKey: bytes(20),
          privateKey: bytes(256).map((b) => ({ encType: 0, bytes: b })),
          leaseSet: arbLeaseSet,
        }),
  SendMessage: (d) =>
    d === '2003'
      ? fc.record({ type: fc.constant('SendMessage' as const), sessionId: u16, destination: dest(d), payload })
      : fc.record({ type: fc.constant('SendMessage' as const), sessionId: u16, destination: dest(d), payload, nonce: arbU32 }),
  ReceiveMessageBegin: () => fc.record({ type: fc.constant('ReceiveMessageBegin' as const), sessionId: u16, messageId: arbU32 }),
  ReceiveMessageEnd: () => fc.record({ type: fc.constant('ReceiveMessageEnd' as const), sessionId: u16, messageId: arbU32 }),
  GetBandwidthLimits: (d) =>
    d === '2003'
      ? fc.record({ type: fc.constant('GetBandwidthLimits' as const), authenticationKey: authKey })
      : fc.record({ type: fc.constant('GetBandwidthLimits' as const) }),
  SetBandwidthLimits: () => fc.record({ type: fc.constant('SetBandwidthLimits' as const), authenticationKey: authKey, limits: arbBandwidthLimits2003 }),
  GetTrustedRouters: () => fc.record({ type: fc.constant('GetTrustedRouters' as const), authenticationKey: authKey }),
  SetTrustedRouters: () =>
    fc.record({ type: fc.constant('SetTrustedRouters' as const), authenticationKey: authKey, routers: fc.array(arbHash, { maxLength: 5 }) }),
  GetAddressVisibility: () => fc.record({ type: fc.constant('GetAddressVisibility' as const), authenticationKey: authKey }),
  SetAddressVisibility: () =>
    fc.record({ type: fc.constant('SetAddressVisibility' as const), authenticationKey: authKey, visible: fc.constantFrom(true, false, null) }),
  GetAddressRotationPeriod: () => fc.record({ type: fc.constant('GetAddressRotationPeriod' as const), authenticationKey: authKey }),
  SetAddressRotationPeriod: () => fc.record({ type: fc.constant('SetAddressRotationPeriod' as const), authenticationKey: authKey, seconds: u16 }),
  ForceAddressRotation: () => fc.record({ type: fc.constant('ForceAddressRotation' as const), authenticationKey: authKey }),
  GetPeers: () => fc.record({ type: fc.constant('GetPeers' as const), authenticationKey: authKey }),
  SetPeers: () =>
    fc.record({ type: fc.constant('SetPeers' as const), authenticationKey: authKey, peers: fc.array(arbRouterInfo2003, { maxLength: 2 }) }),
  SetPassword: () => fc.record({ type: fc.constant('SetPassword' as const), authenticationKey: authKey, newAuthenticationKey: authKey }),
  SessionStatus: () => fc.record({ type: fc.constant('SessionStatus' as const), sessionId: u16, status: u8 }),
  RequestLeaseSet: (d) =>
    d === '2003'
      ? fc.record({
          type: fc.constant('RequestLeaseSet' as const),
          dialect: fc.constant('2003' as const),
          sessionId: u16,
          tunnels: fc.array(fc.record({ gateway: arbDestination2003, tunnelId: arbU32 }), { maxLength: 3 }),
          startDate: arbDate,
          endDate: arbDate,
        })
      : fc.record({
          type: fc.constant('RequestLeaseSet' as const),
          dialect: fc.constant('current' as const),
          sessionId: u16,
          tunnels: fc.array(fc.record({ gateway: arbHash, tunnelId: arbU32 }), { maxLength: 16 }),
          endDate: arbDate,
        }),
  MessageStatus: (d) =>
    d === '2003'
      ? fc.record({ type: fc.constant('MessageStatus' as const), sessionId: u16, messageId: arbU32, status: u8, size: arbU32 })
      : fc.record({ type: fc.constant('MessageStatus' as const), sessionId: u16, messageId: arbU32, status: u8, size: arbU32, nonce: arbU32 }),
  BandwidthLimits: (d) =>
    d === '2003'
      ? fc.record({ type: fc.constant('BandwidthLimits' as const), dialect: fc.constant('2003' as const), limits: arbBandwidthLimits2003 })
      : fc.record({ type: fc.constant('BandwidthLimits' as const), dialect: fc.constant('current' as const), limits: arbBandwidthLimits }),
  TrustedRouters: () => fc.record({ type: fc.constant('TrustedRouters' as const), routers: fc.array(arbHash, { maxLength: 5 }) }),
  AddressVisibility: () => fc.record({ type: fc.constant('AddressVisibility' as const), visible: fc.constantFrom(true, false, null) }),
  AddressRotationPeriod: () => fc.record({ type: fc.constant('AddressRotationPeriod' as const), seconds: u16 }),
  LastAddressRotation: () => fc.record({ type: fc.constant('LastAddressRotation' as const), date: arbDate }),
  Peers: () => fc.record({ type: fc.constant('Peers' as const), peers: fc.array(arbRouterInfo2003, { maxLength: 2 }) }),
  ReportAbuse: () =>
    fc.record({ type: fc.constant('ReportAbuse' as const), sessionId: u16, severity: u8, reason: arbI2pString, messageId: arbU32 }),
  Disconnect: () => fc.record({ type: fc.constant('Disconnect' as const), reason: arbI2pString }),
  MessagePayload: () => fc.record({ type: fc.constant('MessagePayload' as const), sessionId: u16, messageId: arbU32, payload }),
  GetDate: () =>
    fc.oneof(
      fc.record({ type: fc.constant('GetDate' as const) }),
      fc.record({ type: fc.constant('GetDate' as const), version: arbI2pString }),
      fc.record({ type: fc.constant('GetDate' as const), version: arbI2pString, options: arbMapping }),
    ),
  SetDate: () =>
    fc.oneof(
      fc.record({ type: fc.constant('SetDate' as const), date: arbDate }),
      fc.record({ type: fc.constant('SetDate' as const), date: arbDate, version: arbI2pString }),
    ),
  DestLookup: () => fc.record({ type: fc.constant('DestLookup' as const), hash: arbHash }),
  DestReply: () =>
    fc.oneof(
      fc.record({ type: fc.constant('DestReply' as const) }),
      fc.record({ type: fc.constant('DestReply' as const), hash: arbHash }),
      fc.record({ type: fc.constant('DestReply' as const), destination: arbDestination }),
    ),
  SendMessageExpires: () =>
    fc.record({
      type: fc.constant('SendMessageExpires' as const),
      sessionId: u16,
      destination: arbDestination,
      payload,
      nonce: arbU32,
      flags: u16,
      expiration: fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    }),
  RequestVariableLeaseSet: () =>
    fc.record({ type: fc.constant('RequestVariableLeaseSet' as const), sessionId: u16, leases: fc.array(arbLease, { maxLength: 16 }) }),
  HostLookup: () =>
    fc.record({ type: fc.constant('HostLookup' as const), sessionId: u16, requestId: arbU32, timeoutMs: arbU32, key: arbHostLookupKey }),
  HostReply: () => {
    const base = { type: fc.constant('HostReply' as const), sessionId: u16, requestId: arbU32 };
    return fc.oneof(
      fc.record({ ...base, resultCode: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ ...base, resultCode: u8, destination: arbDestination }),
      fc.record({ ...base, resultCode: u8, destination: arbDestination, options: arbMapping }),
    );
  },
  CreateLeaseSet2: () =>
    fc.oneof(
      fc.record({
        type: fc.constant('CreateLeaseSet2' as const),
        sessionId: u16,
        store: fc.record({ storeType: fc.constant(3 as const), leaseSet: arbLeaseSet2 }),
        privateKeys: fc.array(arbPrivateKey, { maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant('CreateLeaseSet2' as const),
        sessionId: u16,
        store: fc.record({ storeType: fc.constant(5 as const), bytes: arbEncryptedLeaseSet }),
        privateKeys: fc.array(arbPrivateKey, { maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant('CreateLeaseSet2' as const),
        sessionId: u16,
        store: fc.record({ storeType: fc.constant(7 as const), bytes: arbMetaLeaseSet }),
        privateKeys: fc.constant([]),
      }),
    ),
  BlindingInfo: () =>
    fc
      .tuple(u16, u8, u16, arbU32, arbBlindingEndpoint, fc.option(bytes(32), { nil: undefined }), fc.option(arbI2pString, { nil: undefined }))
      .map(([sessionId, otherFlags, blindedSigType, expirationSeconds, endpoint, privateKey, lookupPassword]): Message => {
        const flags = (otherFlags & ~0x11) | (privateKey === undefined ? 0 : 0x01) | (lookupPassword === undefined ? 0 : 0x10);
        return {
          type: 'BlindingInfo',
          sessionId,
          flags,
          blindedSigType,
          expirationSeconds,
          endpoint,
          ...(privateKey === undefined ? {} : { privateKey }),
          ...(lookupPassword === undefined ? {} : { lookupPassword }),
        };
      }),
};

/** A valid message of any type the dialect defines. */
export const arbMessage = (dialect: Dialect): fc.Arbitrary<Message> =>
  fc.oneof(...messageCatalogue.filter((m) => m.dialects.includes(dialect)).map((m) => generators[m.name](dialect)));

/** Valid messages of one type in one dialect. */
export const arbMessageOf = (name: MessageName, dialect: Dialect): fc.Arbitrary<Message> => generators[name](dialect);
