/**
 * Every I2CP message as a discriminated union on `type` (the message name).
 * One union serves both dialects: fields that exist in one dialect only are optional, and
 * the three messages whose whole layout differs (CreateLeaseSet, RequestLeaseSet,
 * BandwidthLimits) carry a `dialect` discriminant. Byte fields are views into the decoded frame.
 */
import type {
  BandwidthLimits,
  BandwidthLimits2003,
  Destination,
  Lease,
  LeaseSet,
  LeaseSet2,
  LeaseSet2003,
  Mapping,
  PrivateKey,
  RouterIdentity,
  RouterInfo2003,
  SessionConfig,
  SigningPrivateKey,
} from '@i2cp/data';

export const MessageType = {
  CreateSession: 1,
  ReconfigureSession: 2,
  DestroySession: 3,
  CreateLeaseSet: 4,
  SendMessage: 5,
  ReceiveMessageBegin: 6,
  ReceiveMessageEnd: 7,
  GetBandwidthLimits: 8,
  SetBandwidthLimits: 9,
  GetTrustedRouters: 10,
  SetTrustedRouters: 11,
  GetAddressVisibility: 12,
  SetAddressVisibility: 13,
  GetAddressRotationPeriod: 14,
  SetAddressRotationPeriod: 15,
  ForceAddressRotation: 16,
  GetPeers: 17,
  SetPeers: 18,
  SetPassword: 19,
  SessionStatus: 20,
  RequestLeaseSet: 21,
  MessageStatus: 22,
  BandwidthLimits: 23,
  TrustedRouters: 24,
  AddressVisibility: 25,
  AddressRotationPeriod: 26,
  LastAddressRotation: 27,
  Peers: 28,
  ReportAbuse: 29,
  Disconnect: 30,
  MessagePayload: 31,
  GetDate: 32,
  SetDate: 33,
  DestLookup: 34,
  DestReply: 35,
  SendMessageExpires: 36,
  RequestVariableLeaseSet: 37,
  HostLookup: 38,
  HostReply: 39,
  CreateLeaseSet2: 41,
  BlindingInfo: 42,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
export type MessageName = keyof typeof MessageType;

/** The byte a current-dialect client sends before its first frame. */
export const PROTOCOL_BYTE = 0x2a;

/** SessionId meaning "no session" (lookups before CreateSession). */
export const NO_SESSION_ID = 0xffff;

export const SessionStatusCode = {
  Destroyed: 0,
  Created: 1,
  Updated: 2,
  Invalid: 3,
  Refused: 4,
} as const;
export type SessionStatusCode = (typeof SessionStatusCode)[keyof typeof SessionStatusCode];

/** MessageStatus codes: 0–5 in the 2003 draft, 0–23 today. */
export const MessageStatusCode = {
  Available: 0,
  Accepted: 1,
  BestEffortSuccess: 2,
  BestEffortFailure: 3,
  GuaranteedSuccess: 4,
  GuaranteedFailure: 5,
  LocalSuccess: 6,
  LocalFailure: 7,
  RouterFailure: 8,
  NetworkFailure: 9,
  BadSession: 10,
  BadMessage: 11,
  BadOptions: 12,
  OverflowFailure: 13,
  MessageExpired: 14,
  BadLocalLeaseSet: 15,
  NoLocalTunnels: 16,
  UnsupportedEncryption: 17,
  BadDestination: 18,
  BadLeaseSet: 19,
  ExpiredLeaseSet: 20,
  NoLeaseSet: 21,
  MetaLeaseSet: 22,
  LoopbackDenied: 23,
} as const;
export type MessageStatusCode = (typeof MessageStatusCode)[keyof typeof MessageStatusCode];

export const HostReplyCode = {
  Success: 0,
  Failure: 1,
  PasswordRequired: 2,
  PrivateKeyRequired: 3,
  PasswordAndKeyRequired: 4,
  DecryptionFailure: 5,
  LeaseSetLookupFailure: 6,
  LookupTypeUnsupported: 7,
} as const;
export type HostReplyCode = (typeof HostReplyCode)[keyof typeof HostReplyCode];

// ---------------------------------------------------------------- client → router

export interface CreateSessionMessage {
  readonly type: 'CreateSession';
  readonly config: SessionConfig;
}

export interface ReconfigureSessionMessage {
  readonly type: 'ReconfigureSession';
  readonly sessionId: number;
  readonly config: SessionConfig;
}

/** 2003: SessionId and SessionConfig (required there); current: SessionId only. */
export interface DestroySessionMessage {
  readonly type: 'DestroySession';
  readonly sessionId: number;
  readonly config?: SessionConfig;
}

/** 2003 CreateLeaseSet: full-size keys and the 2003 LeaseSet. */
export interface CreateLeaseSet2003Message {
  readonly type: 'CreateLeaseSet';
  readonly dialect: '2003';
  readonly sessionId: number;
  readonly signingPrivateKey: SigningPrivateKey;
  readonly privateKey: PrivateKey;
  readonly leaseSet: LeaseSet2003;
}

/** Current CreateLeaseSet (LS1): the signing private key field is always 20 bytes (unused). */
export interface CreateLeaseSetMessage {
  readonly type: 'CreateLeaseSet';
  readonly dialect: 'current';
  readonly sessionId: number;
  readonly signingPrivateKey: Uint8Array;
  readonly privateKey: PrivateKey;
  readonly leaseSet: LeaseSet;
}

/** SendMessage; `nonce` exists in the current dialect only (required there, absent in 2003). */
export interface SendMessageMessage {
  readonly type: 'SendMessage';
  readonly sessionId: number;
  readonly destination: Destination;
  readonly payload: Uint8Array;
  readonly nonce?: number;
}

export interface ReceiveMessageBeginMessage {
  readonly type: 'ReceiveMessageBegin';
  readonly sessionId: number;
  readonly messageId: number;
}

export interface ReceiveMessageEndMessage {
  readonly type: 'ReceiveMessageEnd';
  readonly sessionId: number;
  readonly messageId: number;
}

/** 2003: carries the AuthenticationKey; current: empty body. */
export interface GetBandwidthLimitsMessage {
  readonly type: 'GetBandwidthLimits';
  readonly authenticationKey?: Uint8Array;
}

export interface GetDateMessage {
  readonly type: 'GetDate';
  /** Absent only for ancient clients (≤ 0.8.6). */
  readonly version?: string;
  /** Authentication mapping (i2cp.username / i2cp.password), 0.9.11+. */
  readonly options?: Mapping;
}

export interface DestLookupMessage {
  readonly type: 'DestLookup';
  readonly hash: Uint8Array;
}

/** SendMessageExpires (36): SendMessage plus 2 bytes of flags and a 6-byte expiration (ms). */
export interface SendMessageExpiresMessage {
  readonly type: 'SendMessageExpires';
  readonly sessionId: number;
  readonly destination: Destination;
  readonly payload: Uint8Array;
  readonly nonce: number;
  readonly flags: number;
  /** Expiration in ms since the epoch (0 = router default); only the low 6 bytes go on the wire. */
  readonly expiration: number;
}

/** What a HostLookup asks for: request types 0/2 (hash), 1/3 (hostname), 4 (destination). */
export type HostLookupKey =
  | { readonly kind: 'hash'; readonly hash: Uint8Array; readonly withOptions: boolean }
  | { readonly kind: 'hostname'; readonly hostname: string; readonly withOptions: boolean }
  | { readonly kind: 'destination'; readonly destination: Destination };

export interface HostLookupMessage {
  readonly type: 'HostLookup';
  readonly sessionId: number;
  readonly requestId: number;
  readonly timeoutMs: number;
  readonly key: HostLookupKey;
}

/** The lease set carried by CreateLeaseSet2: LS2 parsed; encrypted (5) and meta (7) kept as bytes. */
export type LeaseSet2Store =
  | { readonly storeType: 3; readonly leaseSet: LeaseSet2 }
  | { readonly storeType: 5 | 7; readonly bytes: Uint8Array };

export interface CreateLeaseSet2Message {
  readonly type: 'CreateLeaseSet2';
  readonly sessionId: number;
  readonly store: LeaseSet2Store;
  /** One per LS2 encryption key, same order (absent for meta lease sets). */
  readonly privateKeys: readonly PrivateKey[];
}

export type BlindingEndpoint =
  | { readonly kind: 'hash'; readonly hash: Uint8Array }
  | { readonly kind: 'hostname'; readonly hostname: string }
  | { readonly kind: 'destination'; readonly destination: Destination }
  | { readonly kind: 'key'; readonly sigType: number; readonly signingPublicKey: Uint8Array };

export interface BlindingInfoMessage {
  readonly type: 'BlindingInfo';
  readonly sessionId: number;
  readonly flags: number;
  readonly blindedSigType: number;
  readonly expirationSeconds: number;
  readonly endpoint: BlindingEndpoint;
  /** 32-byte X25519 key, present when flags bit 0 is set. */
  readonly privateKey?: Uint8Array;
  /** Present when flags bit 4 is set. */
  readonly lookupPassword?: string;
}

// ---------------------------------------------------------------- client admin → router (2003)

export interface SetBandwidthLimitsMessage {
  readonly type: 'SetBandwidthLimits';
  readonly authenticationKey: Uint8Array;
  readonly limits: BandwidthLimits2003;
}
export interface GetTrustedRoutersMessage {
  readonly type: 'GetTrustedRouters';
  readonly authenticationKey: Uint8Array;
}
export interface SetTrustedRoutersMessage {
  readonly type: 'SetTrustedRouters';
  readonly authenticationKey: Uint8Array;
  /** SHA-256 hashes of RouterIdentities. */
  readonly routers: readonly Uint8Array[];
}
export interface GetAddressVisibilityMessage {
  readonly type: 'GetAddressVisibility';
  readonly authenticationKey: Uint8Array;
}
export interface SetAddressVisibilityMessage {
  readonly type: 'SetAddressVisibility';
  readonly authenticationKey: Uint8Array;
  /** 2003 Boolean: null is "unknown". */
  readonly visible: boolean | null;
}
export interface GetAddressRotationPeriodMessage {
  readonly type: 'GetAddressRotationPeriod';
  readonly authenticationKey: Uint8Array;
}
export interface SetAddressRotationPeriodMessage {
  readonly type: 'SetAddressRotationPeriod';
  readonly authenticationKey: Uint8Array;
  /** Seconds between rotations, 0 = never. */
  readonly seconds: number;
}
export interface ForceAddressRotationMessage {
  readonly type: 'ForceAddressRotation';
  readonly authenticationKey: Uint8Array;
}
export interface GetPeersMessage {
  readonly type: 'GetPeers';
  readonly authenticationKey: Uint8Array;
}
export interface SetPeersMessage {
  readonly type: 'SetPeers';
  readonly authenticationKey: Uint8Array;
  readonly peers: readonly RouterInfo2003[];
}
export interface SetPasswordMessage {
  readonly type: 'SetPassword';
  readonly authenticationKey: Uint8Array;
  readonly newAuthenticationKey: Uint8Array;
}

// ---------------------------------------------------------------- router → client

export interface SessionStatusMessage {
  readonly type: 'SessionStatus';
  readonly sessionId: number;
  readonly status: number;
}

/** 2003 RequestLeaseSet: full gateway RouterIdentities, start and end Date. */
export interface RequestLeaseSet2003Message {
  readonly type: 'RequestLeaseSet';
  readonly dialect: '2003';
  readonly sessionId: number;
  readonly tunnels: readonly { readonly gateway: RouterIdentity; readonly tunnelId: number }[];
  readonly startDate: number;
  readonly endDate: number;
}

/** Current RequestLeaseSet (deprecated): gateway hashes and an end Date. */
export interface RequestLeaseSetMessage {
  readonly type: 'RequestLeaseSet';
  readonly dialect: 'current';
  readonly sessionId: number;
  readonly tunnels: readonly { readonly gateway: Uint8Array; readonly tunnelId: number }[];
  readonly endDate: number;
}

/** MessageStatus; `nonce` exists in the current dialect only. `size` matters for status 0. */
export interface MessageStatusMessage {
  readonly type: 'MessageStatus';
  readonly sessionId: number;
  readonly messageId: number;
  readonly status: number;
  readonly size: number;
  readonly nonce?: number;
}

export interface BandwidthLimits2003Message {
  readonly type: 'BandwidthLimits';
  readonly dialect: '2003';
  readonly limits: BandwidthLimits2003;
}

export interface BandwidthLimitsMessage {
  readonly type: 'BandwidthLimits';
  readonly dialect: 'current';
  /** Exactly 16 values. */
  readonly limits: BandwidthLimits;
}

export interface MessagePayloadMessage {
  readonly type: 'MessagePayload';
  readonly sessionId: number;
  readonly messageId: number;
  readonly payload: Uint8Array;
}

export interface SetDateMessage {
  readonly type: 'SetDate';
  readonly date: number;
  readonly version?: string;
}

/** Success: `destination`; failure: the looked-up `hash` (0.8.3+) or nothing (empty body). */
export interface DestReplyMessage {
  readonly type: 'DestReply';
  readonly destination?: Destination;
  readonly hash?: Uint8Array;
}

export interface RequestVariableLeaseSetMessage {
  readonly type: 'RequestVariableLeaseSet';
  readonly sessionId: number;
  readonly leases: readonly Lease[];
}

export interface HostReplyMessage {
  readonly type: 'HostReply';
  readonly sessionId: number;
  readonly requestId: number;
  readonly resultCode: number;
  readonly destination?: Destination;
  /** LS2 options, for request types 2–4. */
  readonly options?: Mapping;
}

// ---------------------------------------------------------------- router → client admin (2003)

export interface TrustedRoutersMessage {
  readonly type: 'TrustedRouters';
  readonly routers: readonly Uint8Array[];
}
export interface AddressVisibilityMessage {
  readonly type: 'AddressVisibility';
  readonly visible: boolean | null;
}
export interface AddressRotationPeriodMessage {
  readonly type: 'AddressRotationPeriod';
  readonly seconds: number;
}
export interface LastAddressRotationMessage {
  readonly type: 'LastAddressRotation';
  readonly date: number;
}
export interface PeersMessage {
  readonly type: 'Peers';
  readonly peers: readonly RouterInfo2003[];
}

// ---------------------------------------------------------------- both directions

export interface ReportAbuseMessage {
  readonly type: 'ReportAbuse';
  readonly sessionId: number;
  readonly severity: number;
  readonly reason: string;
  /** 0 if not about a particular message. */
  readonly messageId: number;
}

export interface DisconnectMessage {
  readonly type: 'Disconnect';
  readonly reason: string;
}

/** A type id this dialect does not define: kept as it came, never an error. */
export interface UnknownMessage {
  readonly type: 'unknown';
  readonly typeId: number;
  readonly body: Uint8Array;
}

export type Message =
  | CreateSessionMessage
  | ReconfigureSessionMessage
  | DestroySessionMessage
  | CreateLeaseSet2003Message
  | CreateLeaseSetMessage
  | SendMessageMessage
  | ReceiveMessageBeginMessage
  | ReceiveMessageEndMessage
  | GetBandwidthLimitsMessage
  | SetBandwidthLimitsMessage
  | GetTrustedRoutersMessage
  | SetTrustedRoutersMessage
  | GetAddressVisibilityMessage
  | SetAddressVisibilityMessage
  | GetAddressRotationPeriodMessage
  | SetAddressRotationPeriodMessage
  | ForceAddressRotationMessage
  | GetPeersMessage
  | SetPeersMessage
  | SetPasswordMessage
  | SessionStatusMessage
  | RequestLeaseSet2003Message
  | RequestLeaseSetMessage
  | MessageStatusMessage
  | BandwidthLimits2003Message
  | BandwidthLimitsMessage
  | TrustedRoutersMessage
  | AddressVisibilityMessage
  | AddressRotationPeriodMessage
  | LastAddressRotationMessage
  | PeersMessage
  | ReportAbuseMessage
  | DisconnectMessage
  | MessagePayloadMessage
  | GetDateMessage
  | SetDateMessage
  | DestLookupMessage
  | DestReplyMessage
  | SendMessageExpiresMessage
  | RequestVariableLeaseSetMessage
  | HostLookupMessage
  | HostReplyMessage
  | CreateLeaseSet2Message
  | BlindingInfoMessage
  | UnknownMessage;

/** A whole frame as read from the wire: the type byte and a view of the body. */
export interface Frame {
  readonly typeId: number;
  readonly body: Uint8Array;
}
