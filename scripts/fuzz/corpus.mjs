// Valid frames of every message of both dialects, built with the real encoders from realistic
// values: generated keys, signed SessionConfigs and lease sets. These are the seeds the mutators
// start from, so most mutated inputs get past framing and deep into each message's decoder.
import {
  createDestination,
  generateDestination,
  generateEncryptionKeys,
  generateSigningKeys,
  mappingFrom,
  sha256,
  signLeaseSet,
  signLeaseSet2,
  signLeaseSet2003,
  signRouterInfo2003,
  signSessionConfig,
  utf8Encode,
} from '../../packages/data/dist/index.js';
import { encodeMessage } from '../../packages/codec/dist/index.js';

/** @typedef {import('../../packages/codec/dist/index.js').Message} Message */
/** @typedef {import('../../packages/data/dist/index.js').Dialect} Dialect */
/** @typedef {import('../../packages/data/dist/index.js').DestinationKeys} DestinationKeys */
/** @typedef {{ name: string, typeId: number, bytes: Uint8Array }} Seed */

const T0 = 1_700_000_000_000;
const fill = (/** @type {number} */ byte, /** @type {number} */ n) => new Uint8Array(n).fill(byte);

/**
 * Every message of `dialect` as a valid frame, some in several shapes (seeds.mjs checks the coverage).
 * @param {Dialect} dialect
 * @returns {Seed[]}
 */
export function buildSeeds(dialect) {
  const messages = dialect === '2003' ? messages2003() : messagesCurrent();
  return messages.map((m) => {
    const bytes = encodeMessage(m, dialect);
    return { name: m.type, typeId: bytes[4] ?? 0, bytes };
  });
}

/** @returns {Message[]} */
function messages2003() {
  const keys = generateDestination({ sigType: 0 });
  const router = generateDestination({ sigType: 0 });
  const config = signSessionConfig(
    { destination: keys.destination, options: mappingFrom({ 'i2cp.messageReliability': 'Guaranteed' }) },
    keys.signingPrivateKey,
    '2003',
  );
  const leaseSet = signLeaseSet2003(
    {
      destination: keys.destination,
      encryptionKey: keys.destination.publicKey,
      signingKey: keys.destination.signingPublicKey,
      version: 1,
      leases: [{ gateway: router.destination, tunnelId: 12345, startDate: T0, endDate: T0 + 600_000 }],
    },
    keys.signingPrivateKey,
  );
  const routerInfo = signRouterInfo2003(
    {
      identity: router.destination,
      version: 1,
      addresses: [{ transport: 'TCP', cost: 10, expiration: 0, options: mappingFrom({ host: '127.0.0.1', port: '7654' }) }],
      sightings: [{ routerHash: sha256(keys.destination.bytes), date: T0, expiration: T0 + 1000, signature: { sigType: 0, bytes: fill(0xf0, 40) } }],
      options: mappingFrom({ caps: 'LR' }),
    },
    router.signingPrivateKey,
  );
  const authenticationKey = sha256(utf8Encode('passphrase'));
  const payload = utf8Encode('hello 2003');
  const limits = { classes: [{ name: 'default', routers: [], averageDown: 64, averageUp: 32, peakDown: 128, peakUp: 64 }, { name: 'friends', routers: [sha256(router.destination.bytes)], averageDown: 1, averageUp: 2, peakDown: 3, peakUp: 4 }] };
  return [
    { type: 'CreateSession', config },
    { type: 'ReconfigureSession', sessionId: 7, config },
    { type: 'DestroySession', sessionId: 7, config },
    { type: 'CreateLeaseSet', dialect: '2003', sessionId: 7, signingPrivateKey: keys.signingPrivateKey, privateKey: keys.privateKey, leaseSet },
    { type: 'SendMessage', sessionId: 7, destination: router.destination, payload },
    { type: 'ReceiveMessageBegin', sessionId: 7, messageId: 42 },
    { type: 'ReceiveMessageEnd', sessionId: 7, messageId: 42 },
    { type: 'GetBandwidthLimits', authenticationKey },
    { type: 'SetBandwidthLimits', authenticationKey, limits },
    { type: 'GetTrustedRouters', authenticationKey },
    { type: 'SetTrustedRouters', authenticationKey, routers: [sha256(router.destination.bytes), fill(0xc2, 32)] },
    { type: 'GetAddressVisibility', authenticationKey },
    { type: 'SetAddressVisibility', authenticationKey, visible: null },
    { type: 'GetAddressRotationPeriod', authenticationKey },
    { type: 'SetAddressRotationPeriod', authenticationKey, seconds: 3600 },
    { type: 'ForceAddressRotation', authenticationKey },
    { type: 'GetPeers', authenticationKey },
    { type: 'SetPeers', authenticationKey, peers: [routerInfo] },
    { type: 'SetPassword', authenticationKey, newAuthenticationKey: sha256(utf8Encode('new')) },
    { type: 'SessionStatus', sessionId: 7, status: 1 },
    { type: 'RequestLeaseSet', dialect: '2003', sessionId: 7, tunnels: [{ gateway: router.destination, tunnelId: 12345 }], startDate: T0, endDate: T0 + 600_000 },
    { type: 'MessageStatus', sessionId: 7, messageId: 42, status: 0, size: payload.length },
    { type: 'BandwidthLimits', dialect: '2003', limits },
    { type: 'TrustedRouters', routers: [sha256(router.destination.bytes)] },
    { type: 'AddressVisibility', visible: true },
    { type: 'AddressRotationPeriod', seconds: 0 },
    { type: 'LastAddressRotation', date: T0 },
    { type: 'Peers', peers: [routerInfo] },
    { type: 'ReportAbuse', sessionId: 7, severity: 128, reason: 'flooded', messageId: 42 },
    { type: 'Disconnect', reason: 'bye' },
    { type: 'MessagePayload', sessionId: 7, messageId: 42, payload },
  ];
}

/** @returns {Message[]} */
function messagesCurrent() {
  const keys = generateDestination();
  const peer = generateDestination();
  const x25519 = generateEncryptionKeys(4);
  const config = signSessionConfig(
    { destination: keys.destination, options: mappingFrom({ 'i2cp.fastReceive': 'true', 'inbound.length': '2' }), date: T0 },
    keys.signingPrivateKey,
    'current',
  );
  const gateway = sha256(peer.destination.bytes);
  const leaseSet = signLeaseSet(
    {
      destination: keys.destination,
      encryptionKey: keys.destination.publicKey,
      signingKey: keys.destination.signingPublicKey,
      leases: [{ gateway, tunnelId: 777, endDate: T0 + 600_000 }],
    },
    keys.signingPrivateKey,
  );
  const leaseSet2 = signLeaseSet2(
    {
      destination: keys.destination,
      publishedSeconds: T0 / 1000,
      expiresOffsetSeconds: 600,
      flags: 0,
      options: mappingFrom({ 'i2cp.stub.hostname': 'fuzz.i2p' }),
      encryptionKeys: [x25519.publicKey, keys.destination.publicKey],
      leases: [{ gateway, tunnelId: 777, endSeconds: T0 / 1000 + 600 }],
    },
    keys.signingPrivateKey,
  );
  const blindedKey = generateSigningKeys(7).publicKey;
  const payload = Uint8Array.of(0x1f, 0x8b, 8, 0, 4, 0xd2, 0x16, 0x2e, 2, 0x11, 1, 2, 0, 0xfd, 0xff, 0x68, 0x69, 0xac, 0x2a, 0x93, 0xd8, 2, 0, 0, 0);
  const ed25519WithX25519 = createDestination({ publicKey: x25519.publicKey, signingPublicKey: blindedKey });
  return [
    { type: 'CreateSession', config },
    { type: 'ReconfigureSession', sessionId: 7, config },
    { type: 'DestroySession', sessionId: 7 },
    { type: 'CreateLeaseSet', dialect: 'current', sessionId: 7, signingPrivateKey: new Uint8Array(20), privateKey: keys.privateKey, leaseSet },
    { type: 'SendMessage', sessionId: 7, destination: peer.destination, payload, nonce: 0xdeadbeef },
    { type: 'ReceiveMessageBegin', sessionId: 7, messageId: 42 },
    { type: 'ReceiveMessageEnd', sessionId: 7, messageId: 42 },
    { type: 'GetBandwidthLimits' },
    { type: 'SessionStatus', sessionId: 7, status: 1 },
    { type: 'RequestLeaseSet', dialect: 'current', sessionId: 7, tunnels: [{ gateway, tunnelId: 777 }], endDate: T0 + 600_000 },
    { type: 'MessageStatus', sessionId: 7, messageId: 42, status: 1, size: 0, nonce: 0xdeadbeef },
    { type: 'BandwidthLimits', dialect: 'current', limits: [96, 48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    { type: 'ReportAbuse', sessionId: 7, severity: 1, reason: 'spam', messageId: 0 },
    { type: 'Disconnect', reason: 'Client closed.' },
    { type: 'MessagePayload', sessionId: 7, messageId: 42, payload },
    { type: 'GetDate', version: '0.9.67', options: mappingFrom({ 'i2cp.password': 'p', 'i2cp.username': 'u' }) },
    { type: 'GetDate', version: '0.9.67' },
    { type: 'SetDate', date: T0, version: '0.9.67' },
    { type: 'DestLookup', hash: gateway },
    { type: 'DestReply', destination: peer.destination },
    { type: 'DestReply', hash: gateway },
    { type: 'SendMessageExpires', sessionId: 7, destination: peer.destination, payload, nonce: 1, flags: 0x100, expiration: T0 },
    { type: 'RequestVariableLeaseSet', sessionId: 7, leases: [{ gateway, tunnelId: 777, endDate: T0 + 600_000 }] },
    { type: 'HostLookup', sessionId: 0xffff, requestId: 1, timeoutMs: 10_000, key: { kind: 'hostname', hostname: 'zzz.i2p', withOptions: false } },
    { type: 'HostLookup', sessionId: 7, requestId: 2, timeoutMs: 10_000, key: { kind: 'hash', hash: gateway, withOptions: true } },
    { type: 'HostLookup', sessionId: 7, requestId: 3, timeoutMs: 10_000, key: { kind: 'destination', destination: peer.destination } },
    { type: 'HostReply', sessionId: 7, requestId: 3, resultCode: 0, destination: peer.destination, options: mappingFrom({ a: 'b' }) },
    { type: 'HostReply', sessionId: 7, requestId: 1, resultCode: 1 },
    { type: 'CreateLeaseSet2', sessionId: 7, store: { storeType: 3, leaseSet: leaseSet2 }, privateKeys: [x25519.privateKey, keys.privateKey] },
    { type: 'BlindingInfo', sessionId: 7, flags: 0x11, blindedSigType: 11, expirationSeconds: T0 / 1000, endpoint: { kind: 'hostname', hostname: 'blinded.i2p' }, privateKey: fill(0x42, 32), lookupPassword: 'secret' },
    { type: 'BlindingInfo', sessionId: 7, flags: 0, blindedSigType: 11, expirationSeconds: T0 / 1000, endpoint: { kind: 'key', sigType: 7, signingPublicKey: blindedKey.bytes } },
    { type: 'BlindingInfo', sessionId: 7, flags: 0, blindedSigType: 11, expirationSeconds: T0 / 1000, endpoint: { kind: 'destination', destination: ed25519WithX25519 } },
  ];
}

/**
 * A client's well-formed opening of a session, as frames: what the live fuzzer sends before its
 * mutated frames so they reach a router state that has a session.
 * @param {Dialect} dialect
 * @param {DestinationKeys} keys
 * @returns {Uint8Array[]}
 */
export function sessionOpening(dialect, keys) {
  if (dialect === '2003') {
    const config = signSessionConfig({ destination: keys.destination, options: mappingFrom({}) }, keys.signingPrivateKey, '2003');
    return [encodeMessage({ type: 'CreateSession', config }, '2003')];
  }
  const config = signSessionConfig(
    { destination: keys.destination, options: mappingFrom({ 'i2cp.fastReceive': 'true' }), date: Date.now() },
    keys.signingPrivateKey,
    'current',
  );
  return [encodeMessage({ type: 'GetDate', version: '0.9.67' }, 'current'), encodeMessage({ type: 'CreateSession', config }, 'current')];
}
