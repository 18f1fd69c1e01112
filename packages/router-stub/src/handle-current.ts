/** The current dialect, as the Java router behaves towards its clients (protocol/I2CP-wire.md). */
import { EncType, SigType, destinationHash, samePublicKeyField, utf8Encode } from '@i2cp/data';
import type { Destination, Mapping, SessionConfig } from '@i2cp/data';
import { HostReplyCode, MessageStatusCode, SessionStatusCode } from '@i2cp/codec';
import type {
  CreateLeaseSet2Message,
  CreateLeaseSetMessage,
  CreateSessionMessage,
  DestroySessionMessage,
  GetDateMessage,
  HostLookupMessage,
  HostReplyMessage,
  Message,
  ReconfigureSessionMessage,
} from '@i2cp/codec';
import { timingSafeEqual } from 'node:crypto';
import type { Connection } from './connection.js';
import { beginReceive, configProblem, endReceive, sameDestination } from './handle-common.js';
import type { Handler, HandlerTable } from './handle-common.js';
import { checkCreateLeaseSet, checkCreateLeaseSet2 } from './lease-sets.js';
import { leaseSetEncTypeProblem } from './lease-set-enc-types.js';
import { offlineLeaseSetProblem } from './offline.js';
import type { LeaseSetCheck } from './lease-sets.js';
import type { Router } from './router.js';
import type { Session } from './session.js';

/** Client-to-router messages of the current dialect; anything else ends the connection (as the Java router does). */
const handlers: HandlerTable = {
  CreateSession: createSession,
  ReconfigureSession: reconfigureSession,
  DestroySession: destroySession,
  CreateLeaseSet: (router, connection, message) => {
    if (message.dialect === 'current') createLeaseSet(router, connection, message);
  },
  CreateLeaseSet2: createLeaseSet,
  SendMessage: (router, connection, m) => {
    send(router, connection, m.sessionId, m.destination, m.payload, m.nonce ?? 0, 0);
  },
  SendMessageExpires: (router, connection, m) => {
    send(router, connection, m.sessionId, m.destination, m.payload, m.nonce, m.expiration);
  },
  ReceiveMessageBegin: (router, connection, message) => {
    const session = connection.sessions.get(message.sessionId);
    if (session === undefined) connection.disconnect(`ReceiveMessageBegin for unknown session ${message.sessionId}`);
    else beginReceive(router, connection, session, message);
  },
  ReceiveMessageEnd: (router, connection, message) => {
    const session = connection.sessions.get(message.sessionId);
    if (session === undefined) connection.disconnect(`ReceiveMessageEnd for unknown session ${message.sessionId}`);
    else endReceive(router, connection, session, message);
  },
  GetBandwidthLimits: (router, connection) => {
    connection.send({ type: 'BandwidthLimits', dialect: 'current', limits: bandwidthLimits(router) });
  },
  DestLookup: (router, connection, message) => {
    const destination = router.destinationByHash(message.hash);
    connection.send(destination === undefined ? { type: 'DestReply', hash: message.hash } : { type: 'DestReply', destination });
  },
  HostLookup: (router, connection, message) => {
    connection.send(hostReply(router, message));
  },
  ReportAbuse: (router, connection, message) => {
    router.recordAbuse(connection, message);
  },
  Disconnect: (router, connection, message) => {
    router.log.info('client disconnected', { connection: connection.id, reason: message.reason });
    connection.shutdown();
  },
  // Lease sets here are never blinded; like i2pd, the router accepts the information and has no use for it.
  BlindingInfo: () => undefined,
};

export function handleCurrent(router: Router, connection: Connection, message: Message): undefined {
  if (message.type === 'GetDate') {
    getDate(router, connection, message);
    return;
  }
  if (!connection.authenticated) {
    connection.disconnect('authorization required: send i2cp.username and i2cp.password in GetDate first');
    return;
  }
  const handler = handlers[message.type] as Handler<typeof message.type> | undefined;
  if (handler !== undefined) handler(router, connection, message);
  else connection.disconnect(message.type === 'unknown' ? `unsupported message type ${message.typeId}` : `unexpected ${message.type} message from a client`);
}

function getDate(router: Router, connection: Connection, message: GetDateMessage): void {
  if (message.version !== undefined) connection.clientVersion = message.version;
  const auth = router.auth;
  if (auth !== undefined) {
    const user = message.options?.get('i2cp.username');
    const password = message.options?.get('i2cp.password');
    if (user === undefined || password === undefined || !same(user, auth.username) || !same(password, auth.password)) {
      // Never log what was offered: it may be a real password with a typo.
      connection.disconnect('authorization failed');
      return;
    }
    connection.authenticated = true;
  }
  connection.send(
    message.version === undefined ? { type: 'SetDate', date: Date.now() } : { type: 'SetDate', date: Date.now(), version: router.options.apiVersion },
  );
}

function same(a: string, b: string): boolean {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CreateSession as the Java router answers it (I2CP-wire §4.1): SessionStatus(Created) on success;
 * every refusal, the session limits included, is a Disconnect with the reason and no SessionStatus.
 */
function createSession(router: Router, connection: Connection, message: CreateSessionMessage): void {
  const problem = createProblem(router, connection, message.config);
  if (problem !== undefined) {
    connection.disconnect(`CreateSession refused: ${problem}`);
    return;
  }
  const config = message.config;
  const primary = primaryOf(connection);
  const session = router.createSession(connection, config);
  if (primary !== undefined) session.inheritFrom(primary, config.options);
  connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Created });
  router.requestLeaseSet(session);
}

function createProblem(router: Router, connection: Connection, config: SessionConfig): string | undefined {
  const encType = config.destination.publicKey.encType;
  if (encType !== EncType.ElGamal) {
    return `the Destination's key certificate names crypto type ${encType}; only ElGamal (0) is supported there (the lease set carries the real keys)`;
  }
  const problem = configProblem(config, 'current', router.options.limits.clockSkewMs);
  if (problem !== undefined) return problem;
  if (router.sessionByHash(destinationHash(config.destination)) !== undefined) return 'this destination already has a session';
  const encTypes = config.options.get('i2cp.leaseSetEncType');
  const encProblem = encTypes === undefined ? undefined : leaseSetEncTypeProblem(encTypes);
  if (encProblem !== undefined) return encProblem;
  return sessionRuleProblem(primaryOf(connection), config) ?? limitProblem(router, connection);
}

/** Java refuses a session beyond its limits ("session limit exceeded") with a Disconnect, not SessionStatus(4). */
function limitProblem(router: Router, connection: Connection): string | undefined {
  const limits = router.options.limits;
  if (connection.sessions.size >= limits.maxSessionsPerConnection) {
    return `session limit exceeded: a connection may have ${limits.maxSessionsPerConnection} sessions`;
  }
  if (!router.hasRoomForSession(connection)) return `session limit exceeded: the router has its maximum of ${limits.maxSessions} sessions`;
  return undefined;
}

/** The first session of the connection: the others are its subsessions (Java's model, I2CP-wire §4.1). */
function primaryOf(connection: Connection): Session | undefined {
  for (const session of connection.sessions.values()) return session;
  return undefined;
}

/**
 * Java's rules on the options and on subsessions (I2CP-wire §4.1): a subsession's Destination has its
 * primary's public-key field, and an encrypted lease set (`i2cp.leaseSetType=5`, the subsession's own
 * or its primary's) needs an Ed25519 or RedDSA Destination (it is published under a blinded key).
 */
function sessionRuleProblem(primary: Session | undefined, config: SessionConfig): string | undefined {
  const destination = config.destination;
  if (primary !== undefined && !samePublicKeyField(destination, primary.destination)) {
    return `a subsession's Destination must have the public-key field of the connection's primary session ${primary.id}`;
  }
  const leaseSetType = config.options.get('i2cp.leaseSetType') ?? primary?.leaseSetType;
  const sigType = destination.signingPublicKey.sigType;
  if (leaseSetType === '5' && sigType !== SigType.EdDSA_SHA512_Ed25519 && sigType !== SigType.RedDSA_SHA512_Ed25519) {
    return `an encrypted lease set (i2cp.leaseSetType=5) needs an Ed25519 or RedDSA Destination, this one has signing type ${sigType}`;
  }
  return undefined;
}

function reconfigureSession(router: Router, connection: Connection, message: ReconfigureSessionMessage): void {
  const session = connection.sessions.get(message.sessionId);
  if (session === undefined) {
    connection.disconnect(`ReconfigureSession for unknown session ${message.sessionId}`);
    return;
  }
  if (!sameDestination(session, message.config) || configProblem(message.config, 'current', undefined) !== undefined) {
    connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Invalid });
    return;
  }
  router.reconfigure(session, message.config);
  connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Updated });
}

/**
 * As the Java router (I2CP-wire §4.3): no SessionStatus at all. Destroying the primary session
 * destroys its subsessions too; once the connection has no session left (also after an unknown
 * id), it is closed without a Disconnect.
 */
function destroySession(router: Router, connection: Connection, message: DestroySessionMessage): void {
  const session = connection.sessions.get(message.sessionId);
  if (session !== undefined) {
    const primary = primaryOf(connection);
    router.endSession(session, 'destroyed by the client');
    if (session === primary) {
      for (const subsession of [...connection.sessions.values()]) router.endSession(subsession, `its primary session ${session.id} was destroyed`);
    }
  }
  if (connection.sessions.size === 0) connection.shutdown();
}

function createLeaseSet(router: Router, connection: Connection, message: CreateLeaseSetMessage | CreateLeaseSet2Message): void {
  const session = connection.sessions.get(message.sessionId);
  if (session === undefined) {
    connection.disconnect(`${message.type} for unknown session ${message.sessionId}`);
    return;
  }
  const offline = offlineLeaseSetProblem(session.offline, message, Date.now());
  if (offline !== undefined) {
    connection.disconnect(`${message.type} refused: ${offline}`);
    return;
  }
  const check: LeaseSetCheck =
    message.type === 'CreateLeaseSet' ? checkCreateLeaseSet(session.destination, message) : checkCreateLeaseSet2(session.destination, message);
  if (!check.ok) {
    connection.disconnect(`${message.type} refused: ${check.reason}`);
    return;
  }
  router.leaseSetAccepted(session, check.earliestEnd, check.options);
}

/**
 * SendMessage(Expires). Status rules (I2CP-wire §4.5): nonce 0 → no status at all; reliability
 * "none" → the final status only; otherwise Accepted (1) at once, then the final one. Final codes
 * are the Java router's for local delivery: 6 delivered to the recipient's queue, 21 no such
 * reachable destination, 23 sent to itself, 13 recipient queue full, 11 empty payload, 14 expired.
 */
export function send(
  router: Router,
  connection: Connection,
  sessionId: number,
  destination: Destination,
  payload: Uint8Array,
  nonce: number,
  expiration: number,
): void {
  const sender = connection.sessions.get(sessionId);
  if (sender === undefined) {
    if (nonce !== 0) {
      connection.send({ type: 'MessageStatus', sessionId, messageId: 0, status: MessageStatusCode.BadSession, size: 0, nonce });
    }
    return;
  }
  const messageId = sender.nextMessageId();
  const report = nonce !== 0;
  if (report && sender.reliability !== 'none') connection.send(router.status(sender, messageId, MessageStatusCode.Accepted, nonce, 0));
  const recipient = router.recipientFor(sender, destination);
  const problem = sendProblem(router, sender, recipient, payload, expiration);
  if (problem !== undefined || recipient === undefined) {
    if (report) connection.send(router.status(sender, messageId, problem ?? MessageStatusCode.NoLeaseSet, nonce, 0));
    return;
  }
  router.deliver(
    sender,
    recipient,
    payload,
    report
      ? { sender, messageId, nonce, when: 'queued', success: MessageStatusCode.LocalSuccess, failure: MessageStatusCode.LocalFailure }
      : undefined,
  );
  router.throttle(connection, recipient);
}

/** The failure status a send gets before it reaches the recipient, if any. */
function sendProblem(
  router: Router,
  sender: Session,
  recipient: Session | undefined,
  payload: Uint8Array,
  expiration: number,
): number | undefined {
  if (payload.length === 0) return MessageStatusCode.BadMessage;
  if (expiration !== 0 && expiration < Date.now()) return MessageStatusCode.MessageExpired;
  if (recipient === sender) return MessageStatusCode.LoopbackDenied;
  if (recipient?.reachable !== true) return MessageStatusCode.NoLeaseSet;
  if (!router.admits(recipient, payload.length)) return MessageStatusCode.OverflowFailure;
  return undefined;
}

function hostReply(router: Router, message: HostLookupMessage): HostReplyMessage {
  const base = { type: 'HostReply', sessionId: message.sessionId, requestId: message.requestId } as const;
  const key = message.key;
  let destination: Destination | undefined;
  let withOptions = false;
  switch (key.kind) {
    case 'hash':
      destination = router.destinationByHash(key.hash);
      withOptions = key.withOptions;
      break;
    case 'hostname':
      destination = router.destinationByName(key.hostname);
      withOptions = key.withOptions;
      break;
    case 'destination': {
      const session = router.sessionByHash(destinationHash(key.destination));
      if (session === undefined) return { ...base, resultCode: HostReplyCode.LeaseSetLookupFailure };
      return { ...base, resultCode: HostReplyCode.Success, destination: session.destination, options: optionsOf(router, session.destination) };
    }
  }
  if (destination === undefined) return { ...base, resultCode: HostReplyCode.Failure };
  return withOptions
    ? { ...base, resultCode: HostReplyCode.Success, destination, options: optionsOf(router, destination) }
    : { ...base, resultCode: HostReplyCode.Success, destination };
}

const NO_OPTIONS: Mapping = new Map();

function optionsOf(router: Router, destination: Destination): Mapping {
  return router.sessionByHash(destinationHash(destination))?.leaseSetOptions ?? NO_OPTIONS;
}

/** Message 23: [0],[1] client in/out KBps from the admin's traffic limits; 0 means unlimited. */
function bandwidthLimits(router: Router): number[] {
  const limits = new Array<number>(16).fill(0);
  const t = router.trafficLimits;
  if (t !== undefined) {
    const kb = (bps: number): number => Math.floor(bps / 1024);
    limits[0] = kb(t.averageDownBps);
    limits[1] = kb(t.averageUpBps);
    limits[2] = kb(t.averageDownBps);
    limits[3] = kb(t.peakDownBps);
    limits[4] = kb(t.averageUpBps);
    limits[5] = kb(t.peakUpBps);
  }
  return limits;
}
