/** Handlers both dialects share: the slow receive path and SessionConfig checks. */
import { bytesEqual, verifySessionConfig } from '@i2cp/data';
import type { Dialect, SessionConfig } from '@i2cp/data';
import type { Message, ReceiveMessageBeginMessage, ReceiveMessageEndMessage } from '@i2cp/codec';
import type { Connection } from './connection.js';
import { offlineSessionProblem } from './offline.js';
import type { Router } from './router.js';
import type { Session } from './session.js';

export type Handler<T extends Message['type']> = (router: Router, connection: Connection, message: Extract<Message, { type: T }>) => void;
/** Per dialect, the messages a client may send; a type without a handler ends the connection. */
export type HandlerTable = { readonly [T in Message['type']]?: Handler<T> };

/** Why a SessionConfig is not acceptable, or undefined when it is (signature, and the date in the current dialect). */
export function configProblem(config: SessionConfig, dialect: Dialect, clockSkewMs: number | undefined): string | undefined {
  const offline = dialect === 'current' ? offlineSessionProblem(config, Date.now()) : undefined;
  if (offline !== undefined) return offline;
  let verified: boolean;
  try {
    verified = verifySessionConfig(config, dialect);
  } catch (e) {
    return `cannot verify the SessionConfig signature: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!verified) return 'bad SessionConfig signature';
  if (clockSkewMs !== undefined && dialect === 'current') {
    const skew = (config.date ?? 0) - Date.now();
    if (Math.abs(skew) > clockSkewMs) return `client clock skew? the SessionConfig date is ${skew} ms off the router clock (limit ±${clockSkewMs} ms)`;
  }
  return undefined;
}

export function sameDestination(session: Session, config: SessionConfig): boolean {
  return bytesEqual(session.destination.bytes, config.destination.bytes);
}

/** ReceiveMessageBegin: send the payload of an announced message. */
export function beginReceive(router: Router, connection: Connection, session: Session, message: ReceiveMessageBeginMessage): void {
  const held = session.held?.get(message.messageId);
  if (held === undefined) {
    connection.disconnect(`ReceiveMessageBegin for unknown message id ${message.messageId} in session ${session.id}`);
    return;
  }
  connection.enqueuePayload(session.id, held.id, held.payload);
  router.log.debug('payload sent', { session: session.id, messageId: held.id });
}

/** ReceiveMessageEnd: the client has the message; free it and settle a guaranteed sender's status. */
export function endReceive(router: Router, connection: Connection, session: Session, message: ReceiveMessageEndMessage): void {
  const held = session.release(message.messageId);
  if (held === undefined) {
    connection.disconnect(`ReceiveMessageEnd for unknown message id ${message.messageId} in session ${session.id}`);
    return;
  }
  if (held.receipt !== undefined) router.report(held.receipt, held.receipt.success);
  router.unblockSenders(session, false);
}
