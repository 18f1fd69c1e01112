/**
 * Golden vectors for every message of the 2003 dialect (ids 1–31). No capture of a 2003
 * implementation exists; every vector is computed by hand from the Contents lines of
 * spec/i2cp-rev0.9-2003.txt and the 2003 data structures (ARCHITECTURE §3: Contents lines are
 * authoritative). Each field is annotated; only the frame's 4-byte length is computed.
 */
import type { Vector } from './hex.js';
import { BY_HAND_2003, ascii, frame, hex, rep } from './hex.js';
import {
  AUTH_KEY,
  AUTH_KEY_HEX,
  CONFIG_2003,
  CONFIG_2003_HEX,
  DEST_DSA,
  DEST_DSA_HEX,
  DEST_ED,
  DEST_ED_HEX,
  ROUTER_DSA,
  ROUTER_DSA_HEX,
  T0,
  T0_HEX,
  T1,
  T1_HEX,
  fill,
} from './fixtures.js';

const HELLO = hex`${ascii('hello')}`;
/** The one lease of the CreateLeaseSet vectors. */
const LEASE = { gateway: ROUTER_DSA, tunnelId: 12345, startDate: T0, endDate: T1 };

/** 2003 RouterInfo: identity, version, one address, no sightings, empty options, DSA signature. */
const ROUTER_INFO_2003_HEX = `
  ${ROUTER_DSA_HEX}        // RouterIdentity
  00 00 00 01              // version 1
  01                       // 1 RouterAddress
    03 ${ascii('TCP')}     //   transport String "TCP" (2003: transport first)
    0a                     //   cost 10
    00 00 00 00 00 00 00 00 // expiration Date (null)
    00 11 04 ${ascii('host')} 3d 09 ${ascii('127.0.0.1')} 3b // options { host: 127.0.0.1 }
  00                       // 0 RouterSightings
  00 00                    // options: empty Mapping
  ${rep('f0', 40)}         // Signature (DSA)
`;
const ROUTER_INFO_2003 = {
  identity: ROUTER_DSA,
  version: 1,
  addresses: [{ transport: 'TCP', cost: 10, expiration: 0, options: new Map([['host', '127.0.0.1']]) }],
  sightings: [],
  options: new Map<string, string>(),
  signature: { sigType: 0, bytes: fill('f0', 40) },
};

const DEFAULT_CLASS_HEX = `
  07 ${ascii('default')}   // class name String "default"
  00                       // 0 routers: the default class
  00 00 00 40  00 00 00 20 // average down 64, average up 32 (KBps)
  00 00 00 80  00 00 00 40 // peak down 128, peak up 64
`;
const DEFAULT_CLASS = { name: 'default', routers: [], averageDown: 64, averageUp: 32, peakDown: 128, peakUp: 64 };

const v = (name: string, typeId: number, body: Uint8Array, message: Vector['message'], validPrefixes?: number[]): Vector => ({
  name: `2003 ${name}`,
  dialect: '2003',
  source: BY_HAND_2003,
  frame: frame(typeId, body),
  message,
  ...(validPrefixes === undefined ? {} : { validPrefixes }),
});

export const vectors2003: readonly Vector[] = [
  v('CreateSession', 1, hex`${CONFIG_2003_HEX} // SessionConfig (no Date in 2003)`, { type: 'CreateSession', config: CONFIG_2003 }),
  v('ReconfigureSession', 2, hex`00 07 // SessionId 7
    ${CONFIG_2003_HEX} // SessionConfig`, { type: 'ReconfigureSession', sessionId: 7, config: CONFIG_2003 }),
  v('DestroySession', 3, hex`00 07 // SessionId 7
    ${CONFIG_2003_HEX} // SessionConfig (required in 2003)`, { type: 'DestroySession', sessionId: 7, config: CONFIG_2003 }),
  v(
    'CreateLeaseSet',
    4,
    hex`
      00 07                 // SessionId 7
      ${rep('88', 20)}      // SigningPrivateKey (DSA, 20)
      ${rep('99', 256)}     // PrivateKey (ElGamal, 256)
      ${DEST_DSA_HEX}       // LeaseSet: Destination
      ${rep('aa', 256)}     //   encryption PublicKey
      ${rep('bb', 128)}     //   revocation SigningPublicKey (DSA)
      01                    //   1 lease
      00 00 00 01           //   version 1 (2003 only)
      ${ROUTER_DSA_HEX}     //   Lease: gateway RouterIdentity
      00 00 30 39           //     TunnelId 12345
      ${T0_HEX}             //     start Date
      ${T1_HEX}             //     end Date
      ${rep('ee', 40)}      //   Signature (DSA)
    `,
    {
      type: 'CreateLeaseSet',
      dialect: '2003',
      sessionId: 7,
      signingPrivateKey: { sigType: 0, bytes: fill('88', 20) },
      privateKey: { encType: 0, bytes: fill('99', 256) },
      leaseSet: {
        destination: DEST_DSA,
        encryptionKey: { encType: 0, bytes: fill('aa', 256) },
        signingKey: { sigType: 0, bytes: fill('bb', 128) },
        version: 1,
        leases: [LEASE],
        signature: { sigType: 0, bytes: fill('ee', 40) },
      },
    },
  ),
  v(
    // Not in the draft (DSA only): ARCHITECTURE §3 sizes the keys and the signature by the
    // Destination's signing type, as LS1 does; the SigningPrivateKey is found from the Destination.
    'CreateLeaseSet for an Ed25519 Destination',
    4,
    hex`
      00 07                 // SessionId 7
      ${rep('88', 32)}      // SigningPrivateKey (Ed25519, 32)
      ${rep('99', 256)}     // PrivateKey (ElGamal, 256)
      ${DEST_ED_HEX}        // LeaseSet: Destination (Ed25519 KEY certificate)
      ${rep('aa', 256)}     //   encryption PublicKey
      ${rep('bb', 32)}      //   revocation SigningPublicKey (Ed25519, 32)
      01                    //   1 lease
      00 00 00 02           //   version 2
      ${ROUTER_DSA_HEX}     //   Lease: gateway RouterIdentity
      00 00 30 39           //     TunnelId 12345
      ${T0_HEX}             //     start Date
      ${T1_HEX}             //     end Date
      ${rep('ee', 64)}      //   Signature (Ed25519, 64)
    `,
    {
      type: 'CreateLeaseSet',
      dialect: '2003',
      sessionId: 7,
      signingPrivateKey: { sigType: 7, bytes: fill('88', 32) },
      privateKey: { encType: 0, bytes: fill('99', 256) },
      leaseSet: {
        destination: DEST_ED,
        encryptionKey: { encType: 0, bytes: fill('aa', 256) },
        signingKey: { sigType: 7, bytes: fill('bb', 32) },
        version: 2,
        leases: [LEASE],
        signature: { sigType: 7, bytes: fill('ee', 64) },
      },
    },
  ),
  v(
    'SendMessage',
    5,
    hex`00 07 // SessionId 7
      ${DEST_DSA_HEX} // Destination
      00 00 00 05 ${ascii('hello')} // Payload: length 5, data (no nonce in 2003)`,
    { type: 'SendMessage', sessionId: 7, destination: DEST_DSA, payload: HELLO },
  ),
  v('ReceiveMessageBegin', 6, hex`00 07 // SessionId
    00 00 00 2a // MessageId 42`, { type: 'ReceiveMessageBegin', sessionId: 7, messageId: 42 }),
  v('ReceiveMessageEnd', 7, hex`00 07 // SessionId
    00 00 00 2a // MessageId 42`, { type: 'ReceiveMessageEnd', sessionId: 7, messageId: 42 }),
  v('GetBandwidthLimits', 8, hex`${AUTH_KEY_HEX} // AuthenticationKey`, { type: 'GetBandwidthLimits', authenticationKey: AUTH_KEY }),
  v(
    'SetBandwidthLimits',
    9,
    hex`${AUTH_KEY_HEX} // AuthenticationKey
      02 // BandwidthLimits: 2 classes
      ${DEFAULT_CLASS_HEX}
      04 ${ascii('fast')} // class "fast"
      01 ${rep('c3', 32)} // 1 router Hash
      00 00 01 00  00 00 01 00  00 00 02 00  00 00 02 00 // 256, 256, 512, 512`,
    {
      type: 'SetBandwidthLimits',
      authenticationKey: AUTH_KEY,
      limits: {
        classes: [
          DEFAULT_CLASS,
          { name: 'fast', routers: [fill('c3', 32)], averageDown: 256, averageUp: 256, peakDown: 512, peakUp: 512 },
        ],
      },
    },
  ),
  v('GetTrustedRouters', 10, hex`${AUTH_KEY_HEX} // AuthenticationKey`, { type: 'GetTrustedRouters', authenticationKey: AUTH_KEY }),
  v(
    'SetTrustedRouters',
    11,
    hex`${AUTH_KEY_HEX} // AuthenticationKey
      00 02 // 2 hashes
      ${rep('c1', 32)} // Hash 1
      ${rep('c2', 32)} // Hash 2`,
    { type: 'SetTrustedRouters', authenticationKey: AUTH_KEY, routers: [fill('c1', 32), fill('c2', 32)] },
  ),
  v('GetAddressVisibility', 12, hex`${AUTH_KEY_HEX}`, { type: 'GetAddressVisibility', authenticationKey: AUTH_KEY }),
  v('SetAddressVisibility true', 13, hex`${AUTH_KEY_HEX} // AuthenticationKey
    01 // Boolean true`, { type: 'SetAddressVisibility', authenticationKey: AUTH_KEY, visible: true }),
  v('SetAddressVisibility unknown', 13, hex`${AUTH_KEY_HEX} // AuthenticationKey
    02 // Boolean 2 = unknown`, { type: 'SetAddressVisibility', authenticationKey: AUTH_KEY, visible: null }),
  v('GetAddressRotationPeriod', 14, hex`${AUTH_KEY_HEX}`, { type: 'GetAddressRotationPeriod', authenticationKey: AUTH_KEY }),
  v('SetAddressRotationPeriod', 15, hex`${AUTH_KEY_HEX} // AuthenticationKey
    0e 10 // 3600 s`, { type: 'SetAddressRotationPeriod', authenticationKey: AUTH_KEY, seconds: 3600 }),
  v('ForceAddressRotation', 16, hex`${AUTH_KEY_HEX}`, { type: 'ForceAddressRotation', authenticationKey: AUTH_KEY }),
  v('GetPeers', 17, hex`${AUTH_KEY_HEX}`, { type: 'GetPeers', authenticationKey: AUTH_KEY }),
  v('SetPeers', 18, hex`${AUTH_KEY_HEX} // AuthenticationKey
    00 01 // 1 peer
    ${ROUTER_INFO_2003_HEX}`, { type: 'SetPeers', authenticationKey: AUTH_KEY, peers: [ROUTER_INFO_2003] }),
  v('SetPassword', 19, hex`${AUTH_KEY_HEX} // AuthenticationKey
    ${rep('5a', 32)} // new AuthenticationKey`, { type: 'SetPassword', authenticationKey: AUTH_KEY, newAuthenticationKey: fill('5a', 32) }),
  v('SessionStatus', 20, hex`00 07 // SessionId
    01 // created`, { type: 'SessionStatus', sessionId: 7, status: 1 }),
  v(
    'RequestLeaseSet',
    21,
    hex`00 07 // SessionId
      01 // 1 tunnel
      ${ROUTER_DSA_HEX} // gateway RouterIdentity
      00 00 30 39 // TunnelId 12345
      ${T0_HEX} // start Date
      ${T1_HEX} // end Date`,
    { type: 'RequestLeaseSet', dialect: '2003', sessionId: 7, tunnels: [{ gateway: ROUTER_DSA, tunnelId: 12345 }], startDate: T0, endDate: T1 },
  ),
  v('MessageStatus', 22, hex`00 07 // SessionId
    00 00 00 2a // MessageId 42
    00 // status 0: available
    00 00 00 05 // size 5 (no nonce in 2003)`, { type: 'MessageStatus', sessionId: 7, messageId: 42, status: 0, size: 5 }),
  v('BandwidthLimits', 23, hex`01 // 1 class
    ${DEFAULT_CLASS_HEX}`, { type: 'BandwidthLimits', dialect: '2003', limits: { classes: [DEFAULT_CLASS] } }),
  v('TrustedRouters', 24, hex`00 01 // 1 hash
    ${rep('c1', 32)}`, { type: 'TrustedRouters', routers: [fill('c1', 32)] }),
  v('AddressVisibility', 25, hex`00 // Boolean false`, { type: 'AddressVisibility', visible: false }),
  v('AddressRotationPeriod', 26, hex`00 00 // 0 = never`, { type: 'AddressRotationPeriod', seconds: 0 }),
  v('LastAddressRotation', 27, hex`${T0_HEX} // Date`, { type: 'LastAddressRotation', date: T0 }),
  v('Peers', 28, hex`00 01 // 1 router
    ${ROUTER_INFO_2003_HEX}`, { type: 'Peers', peers: [ROUTER_INFO_2003] }),
  v('ReportAbuse', 29, hex`00 07 // SessionId
    05 // severity 5
    04 ${ascii('spam')} // reason String
    00 00 00 2a // MessageId 42`, { type: 'ReportAbuse', sessionId: 7, severity: 5, reason: 'spam', messageId: 42 }),
  v('Disconnect', 30, hex`03 ${ascii('bye')} // reason String`, { type: 'Disconnect', reason: 'bye' }),
  v('MessagePayload', 31, hex`00 07 // SessionId
    00 00 00 2a // MessageId 42
    00 00 00 05 ${ascii('hello')} // Payload`, { type: 'MessagePayload', sessionId: 7, messageId: 42, payload: HELLO }),
  {
    name: '2003 unknown type 32 (GetDate does not exist in 2003)',
    dialect: '2003',
    source: BY_HAND_2003,
    frame: frame(32, hex`06 ${ascii('0.9.67')}`),
    message: { type: 'unknown', typeId: 32, body: hex`06 ${ascii('0.9.67')}` },
    validPrefixes: [0, 1, 2, 3, 4, 5, 6],
  },
];

