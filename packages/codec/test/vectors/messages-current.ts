/**
 * Golden vectors for every message of the current dialect (ids 1–8, 20–23, 29–39, 41, 42).
 * The I2CP-wire §9 examples are taken as written there (spec-derived, not captured); the rest
 * are computed by hand from the layouts in I2CP-wire §4 (section named per vector). No public
 * byte capture of an I2CP session was found; frames captured here from i2pd are in
 * captured-i2pd.ts. Only the frame's 4-byte length is computed
 * for by-hand vectors; §9 vectors are literal, header included.
 */
import type { Vector } from './hex.js';
import { SPEC_EXAMPLE, ascii, byHand, frame, hex, rep } from './hex.js';
import {
  CONFIG_CURRENT,
  CONFIG_CURRENT_HEX,
  DEST_ED,
  DEST_ED_HEX,
  GZIP_HI,
  GZIP_HI_HEX,
  T0,
  T0_HEX,
  T1,
  T1_HEX,
  fill,
} from './fixtures.js';

const HELLO = hex`${ascii('hello')}`;

const v = (section: string, name: string, typeId: number, body: Uint8Array, message: Vector['message'], validPrefixes?: number[]): Vector => ({
  name: `current ${name}`,
  dialect: 'current',
  source: byHand(section),
  frame: frame(typeId, body),
  message,
  ...(validPrefixes === undefined ? {} : { validPrefixes }),
});

const spec = (name: string, bytes: Uint8Array, message: Vector['message'], validPrefixes?: number[]): Vector => ({
  name: `current ${name} (§9)`,
  dialect: 'current',
  source: SPEC_EXAMPLE,
  frame: bytes,
  message,
  ...(validPrefixes === undefined ? {} : { validPrefixes }),
});

/** LeaseSet2 (store type 3): header, no options, one X25519 key, one Lease2, Ed25519 signature. */
const LS2_HEX = `
  ${DEST_ED_HEX}        // Destination
  65 53 f1 00           // published 1700000000 s
  02 58                 // expires +600 s
  00 00                 // flags: none
  00 00                 // options: empty Mapping
  01                    // 1 key
  00 04 00 20 ${rep('d1', 32)} // type 4 (X25519), length 32, key
  01                    // 1 Lease2
  ${rep('c1', 32)}      //   gateway Hash
  00 00 30 39           //   TunnelId 12345
  65 53 f3 58           //   end 1700000600 s
  ${rep('ee', 64)}      // Signature (Ed25519)
`;
const LS2 = {
  destination: DEST_ED,
  publishedSeconds: 1700000000,
  expiresOffsetSeconds: 600,
  flags: 0,
  options: new Map<string, string>(),
  encryptionKeys: [{ encType: 4, bytes: fill('d1', 32) }],
  leases: [{ gateway: fill('c1', 32), tunnelId: 12345, endSeconds: 1700000600 }],
  signature: { sigType: 7, bytes: fill('ee', 64) },
};

/** EncryptedLeaseSet (store type 5, I2CP-wire §2.8): blinded RedDSA key, 16 bytes of ciphertext. */
const ENCRYPTED_LS_HEX = `
  00 0b ${rep('b1', 32)} // blinded sig type 11 (RedDSA), blinded public key
  65 53 f1 00            // published
  02 58                  // expires +600 s
  00 00                  // flags
  00 10 ${rep('e1', 16)} // encrypted data: length 16, bytes
  ${rep('ef', 64)}       // Signature (RedDSA, by the blinded key)
`;

/** MetaLeaseSet (store type 7, I2CP-wire §2.8): header, options, one MetaLease, no revocations. */
const META_LS_HEX = `
  ${DEST_ED_HEX}         // Destination
  65 53 f1 00  02 58  00 00 // published, expires, flags
  00 00                  // options: empty Mapping
  01                     // 1 MetaLease
  ${rep('c1', 32)}       //   Hash
  00 00 03               //   flags: entry type 3 (LS2)
  00                     //   cost
  65 53 f3 58            //   end (s)
  00                     // 0 revocations
  ${rep('ef', 64)}       // Signature (Ed25519)
`;

const X25519_PRIVATE_HEX = `01  00 04 00 20 ${rep('d2', 32)} // 1 private key: type 4, length 32, key`;
const X25519_PRIVATE = [{ encType: 4, bytes: fill('d2', 32) }];

export const vectorsCurrent: readonly Vector[] = [
  v('§4.1, §2.11', 'CreateSession', 1, hex`${CONFIG_CURRENT_HEX}`, { type: 'CreateSession', config: CONFIG_CURRENT }),
  v('§4.2', 'ReconfigureSession', 2, hex`00 07 // SessionId
    ${CONFIG_CURRENT_HEX}`, { type: 'ReconfigureSession', sessionId: 7, config: CONFIG_CURRENT }),
  spec('DestroySession sid=0x1234', hex`00 00 00 02 03  12 34 // SessionId only`, { type: 'DestroySession', sessionId: 0x1234 }),
  v(
    '§4.4, §2.7',
    'CreateLeaseSet',
    4,
    hex`
      00 07               // SessionId
      ${rep('00', 20)}    // signing private key field: always 20 bytes, unused
      ${rep('99', 256)}   // PrivateKey (ElGamal)
      ${DEST_ED_HEX}      // LeaseSet: Destination
      ${rep('aa', 256)}   //   encryption PublicKey (ElGamal)
      ${rep('bb', 32)}    //   revocation SigningPublicKey (the Destination's type: Ed25519)
      01                  //   1 lease
      ${rep('c1', 32)}    //   gateway Hash
      00 00 30 39         //   TunnelId
      ${T1_HEX}           //   end Date
      ${rep('ee', 64)}    //   Signature (Ed25519)
    `,
    {
      type: 'CreateLeaseSet',
      dialect: 'current',
      sessionId: 7,
      signingPrivateKey: new Uint8Array(20),
      privateKey: { encType: 0, bytes: fill('99', 256) },
      leaseSet: {
        destination: DEST_ED,
        encryptionKey: { encType: 0, bytes: fill('aa', 256) },
        signingKey: { sigType: 7, bytes: fill('bb', 32) },
        leases: [{ gateway: fill('c1', 32), tunnelId: 12345, endDate: T1 }],
        signature: { sigType: 7, bytes: fill('ee', 64) },
      },
    },
  ),
  v(
    '§4.5, §5',
    'SendMessage',
    5,
    hex`00 07 // SessionId
      ${DEST_ED_HEX} // Destination
      00 00 00 19 ${GZIP_HI_HEX} // Payload: 25 bytes, the §5 gzip example
      de ad be ef // nonce`,
    { type: 'SendMessage', sessionId: 7, destination: DEST_ED, payload: GZIP_HI, nonce: 0xdeadbeef },
  ),
  v('§4.6', 'ReceiveMessageBegin', 6, hex`00 07  00 00 00 2a // SessionId, MessageId`, { type: 'ReceiveMessageBegin', sessionId: 7, messageId: 42 }),
  v('§4.6', 'ReceiveMessageEnd', 7, hex`00 07  00 00 00 2a // SessionId, MessageId`, { type: 'ReceiveMessageEnd', sessionId: 7, messageId: 42 }),
  spec('GetBandwidthLimits', hex`00 00 00 00 08 // empty body`, { type: 'GetBandwidthLimits' }),
  spec('SessionStatus sid=0x1234 Created', hex`00 00 00 03 14  12 34  01`, { type: 'SessionStatus', sessionId: 0x1234, status: 1 }),
  v(
    '§4.9',
    'RequestLeaseSet',
    21,
    hex`00 07 // SessionId
      02 // 2 tunnels
      ${rep('c1', 32)} 00 00 30 39 // gateway Hash, TunnelId 12345
      ${rep('c2', 32)} 00 00 30 3a // gateway Hash, TunnelId 12346
      ${T1_HEX} // end Date`,
    {
      type: 'RequestLeaseSet',
      dialect: 'current',
      sessionId: 7,
      tunnels: [
        { gateway: fill('c1', 32), tunnelId: 12345 },
        { gateway: fill('c2', 32), tunnelId: 12346 },
      ],
      endDate: T1,
    },
  ),
  spec(
    'MessageStatus sid 0x1234 id 7 Accepted nonce deadbeef',
    hex`00 00 00 0f 16  12 34  00 00 00 07  01  00 00 00 00  de ad be ef`,
    { type: 'MessageStatus', sessionId: 0x1234, messageId: 7, status: 1, size: 0, nonce: 0xdeadbeef },
  ),
  v(
    '§4.11',
    'BandwidthLimits',
    23,
    hex`00 00 00 60  00 00 00 30 // client inbound 96, outbound 48 KBps
      ${rep('00', 56)} // [2..15] zero`,
    { type: 'BandwidthLimits', dialect: 'current', limits: [96, 48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  ),
  v('§4.12', 'ReportAbuse', 29, hex`00 07  05  04 ${ascii('spam')}  00 00 00 00 // SessionId, severity, reason, no MessageId`, {
    type: 'ReportAbuse',
    sessionId: 7,
    severity: 5,
    reason: 'spam',
    messageId: 0,
  }),
  v('§4.13', 'Disconnect', 30, hex`0e ${ascii('Client closed')} 2e // reason "Client closed."`, { type: 'Disconnect', reason: 'Client closed.' }),
  v('§4.14, §5', 'MessagePayload', 31, hex`00 07 // SessionId
    00 00 00 2a // MessageId
    00 00 00 19 ${GZIP_HI_HEX} // Payload`, { type: 'MessagePayload', sessionId: 7, messageId: 42, payload: GZIP_HI }),
  spec('GetDate "0.9.67"', hex`00 00 00 07 20  06 ${ascii('0.9.67')}`, { type: 'GetDate', version: '0.9.67' }, [0]),
  spec(
    'GetDate + auth (u/p)',
    hex`00 00 00 2d 20  06 ${ascii('0.9.67')}  00 24  0d ${ascii('i2cp.password')} 3d 01 70 3b  0d ${ascii('i2cp.username')} 3d 01 75 3b`,
    { type: 'GetDate', version: '0.9.67', options: new Map([['i2cp.password', 'p'], ['i2cp.username', 'u']]) },
    [0, 7],
  ),
  v('§4.15', 'GetDate without version (client ≤ 0.8.6)', 32, new Uint8Array(0), { type: 'GetDate' }),
  spec(
    'SetDate 1700000000000 "0.9.67"',
    hex`00 00 00 0f 21  ${T0_HEX}  06 ${ascii('0.9.67')}`,
    { type: 'SetDate', date: T0, version: '0.9.67' },
    [8],
  ),
  v('§4.16', 'SetDate without version', 33, hex`${T0_HEX}`, { type: 'SetDate', date: T0 }),
  v('§4.17', 'DestLookup', 34, hex`${rep('c1', 32)} // Hash`, { type: 'DestLookup', hash: fill('c1', 32) }),
  v('§4.17', 'DestReply found', 35, hex`${DEST_ED_HEX}`, { type: 'DestReply', destination: DEST_ED }, [0, 32]),
  v('§4.17', 'DestReply not found (hash)', 35, hex`${rep('c1', 32)} // the Hash looked up`, { type: 'DestReply', hash: fill('c1', 32) }, [0]),
  v('§4.17', 'DestReply not found (empty, before 0.8.3)', 35, new Uint8Array(0), { type: 'DestReply' }),
  v(
    '§4.18, §2.12',
    'SendMessageExpires',
    36,
    hex`00 07 // SessionId
      ${DEST_ED_HEX} // Destination
      00 00 00 05 ${ascii('hello')} // Payload
      00 00 00 01 // nonce 1
      01 00 // flags: do not bundle our LeaseSet
      01 8b cf e5 68 00 // expiration: low 6 bytes of Date 1700000000000`,
    { type: 'SendMessageExpires', sessionId: 7, destination: DEST_ED, payload: HELLO, nonce: 1, flags: 0x100, expiration: T0 },
  ),
  v('§4.19', 'RequestVariableLeaseSet', 37, hex`00 07 // SessionId
    01 // 1 lease
    ${rep('c1', 32)} 00 00 30 39 ${T1_HEX} // gateway Hash, TunnelId, end Date`, {
    type: 'RequestVariableLeaseSet',
    sessionId: 7,
    leases: [{ gateway: fill('c1', 32), tunnelId: 12345, endDate: T1 }],
  }),
  spec(
    'HostLookup nosession req 1 10 s "zzz.i2p"',
    hex`00 00 00 13 26  ff ff  00 00 00 01  00 00 27 10  01  07 ${ascii('zzz.i2p')}`,
    { type: 'HostLookup', sessionId: 0xffff, requestId: 1, timeoutMs: 10000, key: { kind: 'hostname', hostname: 'zzz.i2p', withOptions: false } },
  ),
  v('§4.20', 'HostLookup type 0 hash', 38, hex`00 07  00 00 00 02  00 00 3a 98 // SessionId, request id 2, timeout 15000
    00 ${rep('c1', 32)} // type 0, Hash`, {
    type: 'HostLookup',
    sessionId: 7,
    requestId: 2,
    timeoutMs: 15000,
    key: { kind: 'hash', hash: fill('c1', 32), withOptions: false },
  }),
  v('§4.20', 'HostLookup type 2 hash + options', 38, hex`00 07  00 00 00 03  00 00 27 10
    02 ${rep('c1', 32)} // type 2, Hash`, {
    type: 'HostLookup',
    sessionId: 7,
    requestId: 3,
    timeoutMs: 10000,
    key: { kind: 'hash', hash: fill('c1', 32), withOptions: true },
  }),
  v('§4.20', 'HostLookup type 3 hostname + options', 38, hex`00 07  00 00 00 04  00 00 27 10
    03 07 ${ascii('zzz.i2p')} // type 3, hostname`, {
    type: 'HostLookup',
    sessionId: 7,
    requestId: 4,
    timeoutMs: 10000,
    key: { kind: 'hostname', hostname: 'zzz.i2p', withOptions: true },
  }),
  v('§4.20', 'HostLookup type 4 destination', 38, hex`00 07  00 00 00 05  00 00 27 10
    04 ${DEST_ED_HEX} // type 4, Destination`, {
    type: 'HostLookup',
    sessionId: 7,
    requestId: 5,
    timeoutMs: 10000,
    key: { kind: 'destination', destination: DEST_ED },
  }),
  spec('HostReply nosession req 1 failure', hex`00 00 00 07 27  ff ff  00 00 00 01  01`, {
    type: 'HostReply',
    sessionId: 0xffff,
    requestId: 1,
    resultCode: 1,
  }),
  v('§4.21', 'HostReply success', 39, hex`00 07  00 00 00 01  00 // SessionId, request id, success
    ${DEST_ED_HEX} // Destination`, { type: 'HostReply', sessionId: 7, requestId: 1, resultCode: 0, destination: DEST_ED }),
  v(
    '§4.21',
    'HostReply success with options',
    39,
    hex`00 07  00 00 00 03  00 // SessionId, request id 3, success
      ${DEST_ED_HEX} // Destination
      00 06  01 ${ascii('a')} 3d 01 ${ascii('b')} 3b // LS2 options { a: b }`,
    { type: 'HostReply', sessionId: 7, requestId: 3, resultCode: 0, destination: DEST_ED, options: new Map([['a', 'b']]) },
    [398],
  ),
  v('§4.21', 'HostReply code 6 with destination', 39, hex`00 07  00 00 00 03  06 // leaseset lookup failure
    ${DEST_ED_HEX}`, { type: 'HostReply', sessionId: 7, requestId: 3, resultCode: 6, destination: DEST_ED }, [7]),
  v('§4.22, §2.8', 'CreateLeaseSet2 LS2', 41, hex`00 07 // SessionId
    03 // store type 3: LeaseSet2
    ${LS2_HEX}
    ${X25519_PRIVATE_HEX}`, { type: 'CreateLeaseSet2', sessionId: 7, store: { storeType: 3, leaseSet: LS2 }, privateKeys: X25519_PRIVATE }),
  v('§4.22, §2.8', 'CreateLeaseSet2 encrypted', 41, hex`00 07 // SessionId
    05 // store type 5: EncryptedLeaseSet
    ${ENCRYPTED_LS_HEX}
    ${X25519_PRIVATE_HEX} // keys of the inner LS2`, {
    type: 'CreateLeaseSet2',
    sessionId: 7,
    store: { storeType: 5, bytes: hex`${ENCRYPTED_LS_HEX}` },
    privateKeys: X25519_PRIVATE,
  }),
  v('§4.22, §2.8', 'CreateLeaseSet2 meta', 41, hex`00 07 // SessionId
    07 // store type 7: MetaLeaseSet
    ${META_LS_HEX} // no private keys follow`, {
    type: 'CreateLeaseSet2',
    sessionId: 7,
    store: { storeType: 7, bytes: hex`${META_LS_HEX}` },
    privateKeys: [],
  }),
  v('§4.23', 'BlindingInfo hash', 42, hex`00 07 // SessionId
    00 // flags: no auth, no secret
    00 // endpoint type 0: Hash
    00 0b // blinded sig type 11
    65 53 f3 58 // expiration (s)
    ${rep('c1', 32)} // Hash`, {
    type: 'BlindingInfo',
    sessionId: 7,
    flags: 0,
    blindedSigType: 11,
    expirationSeconds: 1700000600,
    endpoint: { kind: 'hash', hash: fill('c1', 32) },
  }),
  v('§4.23', 'BlindingInfo hostname, DH auth', 42, hex`00 07
    01 // flags: per-client auth, DH
    01 // endpoint type 1: hostname
    00 0b  65 53 f3 58
    07 ${ascii('zzz.i2p')} // hostname
    ${rep('d3', 32)} // X25519 private key`, {
    type: 'BlindingInfo',
    sessionId: 7,
    flags: 1,
    blindedSigType: 11,
    expirationSeconds: 1700000600,
    endpoint: { kind: 'hostname', hostname: 'zzz.i2p' },
    privateKey: fill('d3', 32),
  }),
  v('§4.23', 'BlindingInfo destination, secret', 42, hex`00 07
    10 // flags: lookup password required
    02 // endpoint type 2: Destination
    00 0b  65 53 f3 58
    ${DEST_ED_HEX}
    06 ${ascii('secret')} // lookup password`, {
    type: 'BlindingInfo',
    sessionId: 7,
    flags: 0x10,
    blindedSigType: 11,
    expirationSeconds: 1700000600,
    endpoint: { kind: 'destination', destination: DEST_ED },
    lookupPassword: 'secret',
  }),
  v('§4.23', 'BlindingInfo key, PSK auth and secret', 42, hex`00 07
    13 // flags: per-client auth, PSK (0x03), lookup password (0x10)
    03 // endpoint type 3: sig type + key
    00 0b  65 53 f3 58
    00 07 ${rep('55', 32)} // sig type 7, Ed25519 public key
    ${rep('d3', 32)} // private key
    06 ${ascii('secret')} // lookup password`, {
    type: 'BlindingInfo',
    sessionId: 7,
    flags: 0x13,
    blindedSigType: 11,
    expirationSeconds: 1700000600,
    endpoint: { kind: 'key', sigType: 7, signingPublicKey: fill('55', 32) },
    privateKey: fill('d3', 32),
    lookupPassword: 'secret',
  }),
  {
    name: 'current unknown type 40 (the abandoned preliminary CreateLeaseSet2)',
    dialect: 'current',
    source: byHand('§4 type table'),
    frame: frame(40, hex`01 02 03`),
    message: { type: 'unknown', typeId: 40, body: hex`01 02 03` },
    validPrefixes: [0, 1, 2],
  },
  {
    name: 'current unknown type 9 (2003 SetBandwidthLimits is unassigned today)',
    dialect: 'current',
    source: byHand('§3'),
    frame: frame(9, new Uint8Array(0)),
    message: { type: 'unknown', typeId: 9, body: new Uint8Array(0) },
  },
];

