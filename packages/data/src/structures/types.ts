/**
 * The shapes of the I2P common data structures, as plain read-only objects.
 * Byte fields are views into the decoded input (never copied); encoders never write into them.
 * Where the 2003 draft (datastructures rev 0.9) and the current specification differ, both
 * forms exist and the 2003 one carries the suffix `2003`.
 */
import type { PublicKey, Signature, SigningPublicKey } from '../key-types.js';

/** The two protocol dialects: the 2003 draft (rev 0.9) and what routers speak today. */
export type Dialect = '2003' | 'current';

/** Key/value pairs; encoders sort keys as Java's String.compareTo does. */
export type Mapping = ReadonlyMap<string, string>;

export const CertificateType = {
  NULL: 0,
  HASHCASH: 1,
  HIDDEN: 2,
  SIGNED: 3,
  MULTIPLE: 4,
  KEY: 5,
} as const;
export type CertificateType = (typeof CertificateType)[keyof typeof CertificateType];

export interface Certificate {
  readonly type: number;
  readonly payload: Uint8Array;
}

/** The payload of a KEY certificate (type 5). */
export interface KeyCertificate {
  readonly sigType: number;
  readonly encType: number;
  /** Signing key bytes that did not fit into the 384-byte block (P521, RSA). */
  readonly excessSigningKey: Uint8Array;
  /** Crypto key bytes that did not fit (none for any defined type). */
  readonly excessCryptoKey: Uint8Array;
}

/**
 * KeysAndCert: a Destination or a RouterIdentity. `publicKey` is the crypto key left-aligned in
 * the 256-byte field, `signingPublicKey` the signing key right-aligned in the 128-byte field (both
 * extended by key-certificate excess data), `padding` what lies between them.
 * `bytes` is the full encoding; hashing or re-encoding it costs no work.
 */
export interface KeysAndCert {
  readonly publicKey: PublicKey;
  readonly padding: Uint8Array;
  readonly signingPublicKey: SigningPublicKey;
  readonly certificate: Certificate;
  readonly bytes: Uint8Array;
}
export type Destination = KeysAndCert;
export type RouterIdentity = KeysAndCert;

/** 2003 Lease: full gateway RouterIdentity, TunnelId, start and end Date (ms). */
export interface Lease2003 {
  readonly gateway: RouterIdentity;
  readonly tunnelId: number;
  readonly startDate: number;
  readonly endDate: number;
}

/** Current Lease (44 bytes): gateway hash, TunnelId, end Date in ms. */
export interface Lease {
  readonly gateway: Uint8Array;
  readonly tunnelId: number;
  readonly endDate: number;
}

/** Lease2 (40 bytes): gateway hash, TunnelId, end in seconds since the epoch. */
export interface Lease2 {
  readonly gateway: Uint8Array;
  readonly tunnelId: number;
  readonly endSeconds: number;
}

/** 2003 LeaseSet: has a 4-byte version after the lease count and 2003 leases. */
export interface LeaseSet2003 {
  readonly destination: Destination;
  readonly encryptionKey: PublicKey;
  readonly signingKey: SigningPublicKey;
  readonly version: number;
  readonly leases: readonly Lease2003[];
  readonly signature: Signature;
}

/** Current LeaseSet (LS1, netdb type 1). */
export interface LeaseSet {
  readonly destination: Destination;
  readonly encryptionKey: PublicKey;
  readonly signingKey: SigningPublicKey;
  readonly leases: readonly Lease[];
  readonly signature: Signature;
}

export interface OfflineSignature {
  readonly expiresSeconds: number;
  readonly transientKey: SigningPublicKey;
  readonly signature: Signature;
}

/** LeaseSet2 (netdb type 3). Its signature covers 0x03 followed by all preceding bytes. */
export interface LeaseSet2 {
  readonly destination: Destination;
  readonly publishedSeconds: number;
  readonly expiresOffsetSeconds: number;
  readonly flags: number;
  readonly offlineSignature?: OfflineSignature;
  readonly options: Mapping;
  readonly encryptionKeys: readonly PublicKey[];
  readonly leases: readonly Lease2[];
  readonly signature: Signature;
}

/** 2003 RouterAddress: transport String first, then cost, expiration Date, options. */
export interface RouterAddress2003 {
  readonly transport: string;
  readonly cost: number;
  readonly expiration: number;
  readonly options: Mapping;
}

/** Current RouterAddress: cost, expiration (all zero), transport, options. */
export interface RouterAddress {
  readonly cost: number;
  readonly expiration: number;
  readonly transport: string;
  readonly options: Mapping;
}

/** 2003 RouterSighting: hash of the sighted router, sighting and expiry Dates, its signature. */
export interface RouterSighting2003 {
  readonly routerHash: Uint8Array;
  readonly date: number;
  readonly expiration: number;
  /** DSA signature (40 bytes) by the sighted router. */
  readonly signature: Signature;
}

export interface RouterInfo2003 {
  readonly identity: RouterIdentity;
  readonly version: number;
  readonly addresses: readonly RouterAddress2003[];
  readonly sightings: readonly RouterSighting2003[];
  readonly options: Mapping;
  readonly signature: Signature;
}

export interface RouterInfo {
  readonly identity: RouterIdentity;
  readonly published: number;
  readonly addresses: readonly RouterAddress[];
  /** Peer hashes; always empty in practice (peer_size 0). */
  readonly peers: readonly Uint8Array[];
  readonly options: Mapping;
  readonly signature: Signature;
}

/**
 * SessionConfig. The 2003 form has no date (`date` undefined); the current form signs
 * Destination ‖ Mapping ‖ Date. The signature type is the destination's.
 */
export interface SessionConfig {
  readonly destination: Destination;
  readonly options: Mapping;
  readonly date?: number;
  readonly signature: Signature;
}

/** One class of the 2003 BandwidthLimits; a class with no routers is the default class. */
export interface BandwidthClass {
  readonly name: string;
  readonly routers: readonly Uint8Array[];
  readonly averageDown: number;
  readonly averageUp: number;
  readonly peakDown: number;
  readonly peakUp: number;
}

export interface BandwidthLimits2003 {
  readonly classes: readonly BandwidthClass[];
}

/**
 * Current BandwidthLimits (message 23): 16 four-byte integers. [0] client inbound KBps,
 * [1] client outbound, [2] router inbound, [3] router inbound burst, [4] router outbound,
 * [5] router outbound burst, [6] router burst time (s), [7..15] undefined.
 */
export type BandwidthLimits = readonly number[];
