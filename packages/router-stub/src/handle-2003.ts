/** The 2003 draft (I2CP rev 0.9) with the decisions of ARCHITECTURE.md §3. */
import { destinationHash } from '@i2cp/data';
import type { SessionConfig } from '@i2cp/data';
import { MessageStatusCode, NO_SESSION_ID, SessionStatusCode } from '@i2cp/codec';
import type {
  CreateLeaseSet2003Message,
  CreateSessionMessage,
  DestroySessionMessage,
  Message,
  ReconfigureSessionMessage,
  SendMessageMessage,
} from '@i2cp/codec';
import { isAdminRequest } from './admin-hook.js';
import type { Connection } from './connection.js';
import { beginReceive, configProblem, endReceive, sameDestination } from './handle-common.js';
import type { Handler, HandlerTable } from './handle-common.js';
import { checkCreateLeaseSet2003 } from './lease-sets.js';
import type { Router } from './router.js';
import type { Session } from './session.js';

/** The client-to-router messages of the 2003 draft (admin ones go to the admin hook). */
const handlers: HandlerTable = {
  CreateSession: createSession,
  ReconfigureSession: (router, connection, message) => {
    withSession(connection, message.sessionId, (s) => {
      reconfigureSession(router, connection, s, message);
    });
  },
  DestroySession: (router, connection, message) => {
    withSession(connection, message.sessionId, (s) => {
      destroySession(router, connection, s, message);
    });
  },
  CreateLeaseSet: (router, connection, message) => {
    if (message.dialect !== '2003') return;
    withSession(connection, message.sessionId, (s) => {
      createLeaseSet(router, s, message);
    });
  },
  SendMessage: (router, connection, message) => {
    withSession(connection, message.sessionId, (s) => {
      send(router, connection, s, message);
    });
  },
  ReceiveMessageBegin: (router, connection, message) => {
    withSession(connection, message.sessionId, (s) => {
      beginReceive(router, connection, s, message);
    });
  },
  ReceiveMessageEnd: (router, connection, message) => {
    withSession(connection, message.sessionId, (s) => {
      endReceive(router, connection, s, message);
    });
  },
  ReportAbuse: (router, connection, message) => {
    router.recordAbuse(connection, message);
  },
  Disconnect: (router, connection, message) => {
    router.log.info('client disconnected', { connection: connection.id, reason: message.reason });
    connection.shutdown();
  },
};

export function handle2003(router: Router, connection: Connection, message: Message): Promise<void> | undefined {
  if (isAdminRequest(message)) return router.handleAdmin(connection, message);
  const handler = handlers[message.type] as Handler<typeof message.type> | undefined;
  if (handler !== undefined) handler(router, connection, message);
  else connection.disconnect(message.type === 'unknown' ? `unsupported message type ${message.typeId}` : `unexpected ${message.type} message from a client`);
  return undefined;
}

/** Every message naming no valid session of this connection gets SessionStatus(3 invalid), as the draft requires. */
function withSession(connection: Connection, sessionId: number, act: (session: Session) => void): void {
  const session = connection.sessions.get(sessionId);
  if (session === undefined) {
    connection.send({ type: 'SessionStatus', sessionId, status: SessionStatusCode.Invalid });
    return;
  }
  act(session);
}

/**
 * New session, resume (the Destination's session waits without a connection) or takeover (it is
 * attached elsewhere; the signature proves ownership). Resume and takeover keep the SessionId,
 * ask for a lease set as for a new session, and announce every message not yet ended, once each.
 */
function createSession(router: Router, connection: Connection, message: CreateSessionMessage): void {
  const config = message.config;
  const existing = router.sessionByHash(destinationHash(config.destination));
  const problem = createProblem(router, connection, config, existing);
  if (problem !== undefined) {
    router.log.info('CreateSession refused', { connection: connection.id, reason: problem });
    connection.send({ type: 'SessionStatus', sessionId: NO_SESSION_ID, status: SessionStatusCode.Invalid });
    return;
  }
  if (existing === undefined) {
    const session = router.createSession(connection, config);
    connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Created });
    router.requestLeaseSet(session);
    return;
  }
  const moved = existing.connection !== connection;
  if (moved) router.takeOver(existing, connection);
  router.reconfigure(existing, config);
  connection.send({ type: 'SessionStatus', sessionId: existing.id, status: SessionStatusCode.Created });
  // Every created session is asked for its lease set, resumed ones too: clients finish their
  // session setup with that exchange, and the new connection proves again that it holds the keys.
  router.requestLeaseSet(existing);
  if (moved && existing.held !== undefined) {
    for (const held of existing.held.values()) router.announce(existing, held.id, held.payload.length);
  }
  router.log.info('session resumed', { session: existing.id, connection: connection.id, waiting: existing.held?.size ?? 0 });
}

function createProblem(router: Router, connection: Connection, config: SessionConfig, existing: Session | undefined): string | undefined {
  const problem = configProblem(config, '2003', undefined);
  if (problem !== undefined) return problem;
  if (existing?.dialect === 'current') return 'the destination has a current-dialect session';
  if (existing?.connection === connection) return undefined;
  return connection.sessions.size < router.options.limits.maxSessionsPerConnection && (existing !== undefined || router.hasRoomForSession(connection))
    ? undefined
    : 'session limit reached';
}

function reconfigureSession(router: Router, connection: Connection, session: Session, message: ReconfigureSessionMessage): void {
  if (!sameDestination(session, message.config) || configProblem(message.config, '2003', undefined) !== undefined) {
    connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Invalid });
    return;
  }
  router.reconfigure(session, message.config);
  connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Updated });
}

/** The 2003 DestroySession carries the SessionConfig: it must be the session's, validly signed. */
function destroySession(router: Router, connection: Connection, session: Session, message: DestroySessionMessage): void {
  const config = message.config;
  if (config !== undefined && (!sameDestination(session, config) || configProblem(config, '2003', undefined) !== undefined)) {
    connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Invalid });
    return;
  }
  router.endSession(session, 'destroyed by the client');
  connection.send({ type: 'SessionStatus', sessionId: session.id, status: SessionStatusCode.Destroyed });
}

/** A refused lease set leaves the Destination unreachable; the draft defines no reply, so the reason goes to the log. */
function createLeaseSet(router: Router, session: Session, message: CreateLeaseSet2003Message): void {
  const check = checkCreateLeaseSet2003(session.destination, message);
  if (!check.ok) {
    router.log.warn('lease set refused', { session: session.id, reason: check.reason });
    return;
  }
  router.leaseSetAccepted(session, check.earliestEnd);
}

/**
 * Accepted (1) at once; then BestEffort: 2 once queued for a reachable destination, 3 otherwise;
 * Guaranteed: 4 when the recipient ends the message, 5 if it cannot be delivered or its session ends first.
 */
function send(router: Router, connection: Connection, sender: Session, message: SendMessageMessage): void {
  const messageId = sender.nextMessageId();
  connection.send(router.status(sender, messageId, MessageStatusCode.Accepted, 0, 0));
  const guaranteed = sender.reliability === 'Guaranteed';
  const success = guaranteed ? MessageStatusCode.GuaranteedSuccess : MessageStatusCode.BestEffortSuccess;
  const failure = guaranteed ? MessageStatusCode.GuaranteedFailure : MessageStatusCode.BestEffortFailure;
  const recipient = router.recipientFor(sender, message.destination);
  if (recipient?.reachable !== true || !router.admits(recipient, message.payload.length)) {
    connection.send(router.status(sender, messageId, failure, 0, 0));
    return;
  }
  router.deliver(sender, recipient, message.payload, { sender, messageId, nonce: 0, when: guaranteed ? 'ended' : 'queued', success, failure });
  router.throttle(connection, recipient);
}
