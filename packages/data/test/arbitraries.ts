/**
 * fast-check arbitraries for every structure of @i2cp/data, shared by the codec tests.
 * Values are valid for encoding: keys and signatures have the sizes of their types
 * (signature bytes are random, so sign/verify tests make their own).
 */
import { fc } from '@fast-check/vitest';
import { encTypeInfo, sigTypeInfo } from '../src/key-types.js';
import type { PublicKey, Signature, SigningPublicKey } from '../src/key-types.js';
import { createDestination } from '../src/structures/destination.js';
import { keyCertificate } from '../src/structures/certificate.js';
import type {
  BandwidthClass,
  BandwidthLimits,
  BandwidthLimits2003,
  Destination,
  Dialect,
  Lease,
  Lease2,
  Lease2003,
  LeaseSet,
  LeaseSet2,
  LeaseSet2003,
  Mapping,
  OfflineSignature,
  RouterAddress,
  RouterAddress2003,
  RouterInfo,
  RouterInfo2003,
  RouterSighting2003,
  SessionConfig,
} from '../src/structures/types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Signature types whose sizes are defined (every one a KEY certificate can name). */
export const SIG_TYPES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const ENC_TYPES = [0, 1, 2, 3, 4, 5, 6, 7] as const;

export const arbSigType = fc.constantFrom(...SIG_TYPES);
export const arbEncType = fc.constantFrom(...ENC_TYPES);

const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });

export const arbHash = bytes(32);
export const arbDate = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
export const arbU32 = fc.integer({ min: 0, max: 0xffff_ffff });

/** Any string whose UTF-8 form survives a round trip (no lone surrogates) and fits a String. */
export const arbI2pString = fc
  .string({ unit: 'binary', maxLength: 60 })
  .filter((s) => decoder.decode(encoder.encode(s)) === s && encoder.encode(s).length <= 255);

export const arbMappingKey = arbI2pString.filter((s) => !s.includes('=') && !s.includes(';'));

export const arbMapping: fc.Arbitrary<Mapping> = fc
  .uniqueArray(fc.tuple(arbMappingKey, arbI2pString), { selector: ([k]) => k, maxLength: 8 })
  .map((entries) => new Map(entries));

export const arbPublicKey = (encType: number): fc.Arbitrary<PublicKey> =>
  bytes(encTypeInfo(encType)!.publicKeyLength).map((b) => ({ encType, bytes: b }));

export const arbSigningPublicKey = (sigType: number): fc.Arbitrary<SigningPublicKey> =>
  bytes(sigTypeInfo(sigType)!.publicKeyLength).map((b) => ({ sigType, bytes: b }));

export const arbSignature = (sigType: number): fc.Arbitrary<Signature> =>
  bytes(sigTypeInfo(sigType)!.signatureLength).map((b) => ({ sigType, bytes: b }));

/** The parts of a KeysAndCert: keys of the given types and padding of the size they leave. */
export const arbDestinationParts = (
  sigTypes: fc.Arbitrary<number>,
  encTypes: fc.Arbitrary<number>,
): fc.Arbitrary<{ publicKey: PublicKey; signingPublicKey: SigningPublicKey; padding: Uint8Array; keyCertForLegacy: boolean }> =>
  fc.tuple(sigTypes, encTypes).chain(([sigType, encType]) => {
    const pk = encTypeInfo(encType)!.publicKeyLength;
    const spk = sigTypeInfo(sigType)!.publicKeyLength;
    const paddingLength = 384 - Math.min(pk, 256) - Math.min(spk, 128);
    return fc.record({
      publicKey: arbPublicKey(encType),
      signingPublicKey: arbSigningPublicKey(sigType),
      padding: bytes(paddingLength),
      keyCertForLegacy: fc.boolean(),
    });
  });

/** A Destination of the given key types, with random keys and padding. */
export const arbDestinationOf = (sigTypes: fc.Arbitrary<number>, encTypes: fc.Arbitrary<number>): fc.Arbitrary<Destination> =>
  arbDestinationParts(sigTypes, encTypes).map(({ publicKey, signingPublicKey, padding, keyCertForLegacy }) =>
    createDestination({
      publicKey,
      signingPublicKey,
      padding,
      // ElGamal + DSA may also use a KEY certificate (0, 0), which the spec allows.
      ...(keyCertForLegacy && publicKey.encType === 0 && signingPublicKey.sigType === 0 ? { certificate: keyCertificate(0, 0) } : {}),
    }),
  );

export const arbDestination: fc.Arbitrary<Destination> = arbDestinationOf(arbSigType, arbEncType);
/** The 2003 form: ElGamal + DSA_SHA1 with a NULL certificate. */
export const arbDestination2003: fc.Arbitrary<Destination> = arbDestinationOf(fc.constant(0), fc.constant(0)).filter(
  (d) => d.certificate.type === 0,
);

export const arbLease2003: fc.Arbitrary<Lease2003> = fc.record({
  gateway: arbDestination2003,
  tunnelId: arbU32,
  startDate: arbDate,
  endDate: arbDate,
});
export const arbLease: fc.Arbitrary<Lease> = fc.record({ gateway: arbHash, tunnelId: arbU32, endDate: arbDate });
export const arbLease2: fc.Arbitrary<Lease2> = fc.record({ gateway: arbHash, tunnelId: arbU32, endSeconds: arbU32 });

/**
 * 2003 LeaseSet: the draft's DSA Destination, or one with a KEY certificate of any signing type and
 * ElGamal crypto (ARCHITECTURE §3 sizes the revocation key and the signature by the signing type).
 */
export const arbLeaseSet2003: fc.Arbitrary<LeaseSet2003> = fc
  .oneof(arbDestination2003, arbDestinationOf(arbSigType, fc.constant(0)))
  .chain((destination) => {
    const sigType = destination.signingPublicKey.sigType;
    return fc.record({
      destination: fc.constant(destination),
      encryptionKey: arbPublicKey(0),
      signingKey: arbSigningPublicKey(sigType),
      version: arbU32,
      leases: fc.array(arbLease2003, { maxLength: 3 }),
      signature: arbSignature(sigType),
    });
  });

export const arbLeaseSet: fc.Arbitrary<LeaseSet> = arbDestination.chain((destination) => {
  const sigType = destination.signingPublicKey.sigType;
  return fc.record({
    destination: fc.constant(destination),
    encryptionKey: arbPublicKey(0),
    signingKey: arbSigningPublicKey(sigType),
    leases: fc.array(arbLease, { maxLength: 16 }),
    signature: arbSignature(sigType),
  });
});

const arbOfflineSignature = (destinationSigType: number): fc.Arbitrary<OfflineSignature> =>
  arbSigType.chain((t) =>
    fc.record({ expiresSeconds: arbU32, transientKey: arbSigningPublicKey(t), signature: arbSignature(destinationSigType) }),
  );

/** Known key types with their sizes, and now and then a type this package does not know. */
const arbLs2Key: fc.Arbitrary<PublicKey> = fc.oneof(
  arbEncType.chain(arbPublicKey),
  fc.tuple(fc.integer({ min: 256, max: 0xffff }), fc.uint8Array({ maxLength: 64 })).map(([encType, b]) => ({ encType, bytes: b })),
);

export const arbLeaseSet2: fc.Arbitrary<LeaseSet2> = fc
  .tuple(arbDestination, fc.boolean())
  .chain(([destination, offline]) => {
    const destType = destination.signingPublicKey.sigType;
    return fc
      .tuple(offline ? arbOfflineSignature(destType) : fc.constant(undefined), fc.integer({ min: 0, max: 0xffff }))
      .chain(([offlineSignature, flagBits]) => {
        const flags = offlineSignature === undefined ? flagBits & ~1 : flagBits | 1;
        const signerType = offlineSignature?.transientKey.sigType ?? destType;
        return fc
          .record({
            publishedSeconds: arbU32,
            expiresOffsetSeconds: fc.integer({ min: 0, max: 0xffff }),
            options: arbMapping,
            encryptionKeys: fc.array(arbLs2Key, { minLength: 1, maxLength: 8 }),
            leases: fc.array(arbLease2, { maxLength: 16 }),
            signature: arbSignature(signerType),
          })
          .map((rest): LeaseSet2 =>
            offlineSignature === undefined
              ? { destination, flags, ...rest }
              : { destination, flags, offlineSignature, ...rest },
          );
      });
  });

export const arbRouterAddress2003: fc.Arbitrary<RouterAddress2003> = fc.record({
  transport: arbI2pString,
  cost: fc.integer({ min: 0, max: 255 }),
  expiration: arbDate,
  options: arbMapping,
});
export const arbRouterAddress: fc.Arbitrary<RouterAddress> = fc.record({
  cost: fc.integer({ min: 0, max: 255 }),
  expiration: arbDate,
  transport: arbI2pString,
  options: arbMapping,
});
export const arbRouterSighting2003: fc.Arbitrary<RouterSighting2003> = fc.record({
  routerHash: arbHash,
  date: arbDate,
  expiration: arbDate,
  signature: arbSignature(0),
});

export const arbRouterInfo2003: fc.Arbitrary<RouterInfo2003> = arbDestination2003.chain((identity) =>
  fc.record({
    identity: fc.constant(identity),
    version: arbU32,
    addresses: fc.array(arbRouterAddress2003, { maxLength: 3 }),
    sightings: fc.array(arbRouterSighting2003, { maxLength: 3 }),
    options: arbMapping,
    signature: arbSignature(0),
  }),
);

export const arbRouterInfo: fc.Arbitrary<RouterInfo> = arbDestination.chain((identity) =>
  fc.record({
    identity: fc.constant(identity),
    published: arbDate,
    addresses: fc.array(arbRouterAddress, { maxLength: 3 }),
    peers: fc.array(arbHash, { maxLength: 3 }),
    options: arbMapping,
    signature: arbSignature(identity.signingPublicKey.sigType),
  }),
);

/** Options without the transient-key option, so the Destination's key type signs. */
export const arbSessionOptions: fc.Arbitrary<Mapping> = arbMapping.filter((m) => !m.has('i2cp.leaseSetTransientPublicKey'));

export const arbSessionConfig = (dialect: Dialect): fc.Arbitrary<SessionConfig> =>
  (dialect === '2003' ? arbDestination2003 : arbDestination).chain((destination) => {
    const signature = arbSignature(destination.signingPublicKey.sigType);
    return dialect === '2003'
      ? fc.record({ destination: fc.constant(destination), options: arbSessionOptions, signature })
      : fc.record({ destination: fc.constant(destination), options: arbSessionOptions, date: arbDate, signature });
  });

const arbBandwidthClass = (routers: fc.Arbitrary<Uint8Array[]>): fc.Arbitrary<BandwidthClass> =>
  fc.record({ name: arbI2pString, routers, averageDown: arbU32, averageUp: arbU32, peakDown: arbU32, peakUp: arbU32 });

export const arbBandwidthLimits2003: fc.Arbitrary<BandwidthLimits2003> = fc
  .tuple(
    arbBandwidthClass(fc.constant([])),
    fc.array(arbBandwidthClass(fc.array(arbHash, { minLength: 1, maxLength: 3 })), { maxLength: 3 }),
    fc.nat(),
  )
  .map(([defaultClass, others, at]) => {
    const classes = [...others];
    classes.splice(at % (others.length + 1), 0, defaultClass);
    return { classes };
  });

export const arbBandwidthLimits: fc.Arbitrary<BandwidthLimits> = fc.array(arbU32, { minLength: 16, maxLength: 16 });
