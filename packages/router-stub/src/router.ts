/**
 * The router's shared state: connections, sessions (by id, hash and hostname), delivery between
 * sessions with status receipts, back-pressure, lease-set bookkeeping and the periodic sweep.
 */
import { b32Address, createDestination, destinationFromBytes, destinationHash, parseB32Address, randomBytes, toHex } from '@i2cp/data';
import type { Destination, Mapping, RouterIdentity, SessionConfig } from '@i2cp/data';
import { MessageStatusCode } from '@i2cp/codec';
import type { Message, ReportAbuseMessage } from '@i2cp/codec';
import { NO_ADMIN_HANDLER_REASON } from './admin-hook.js';
import type { AdminRequest, RouterAdminHandler, TrafficLimits } from './admin-hook.js';
import { Connection } from './connection.js';
import { handle2003 } from './handle-2003.js';
import { handleCurrent } from './handle-current.js';
import type { Link } from './link.js';
import type { Logger } from './logger.js';
import type { NameTable } from './names.js';
import type { ResolvedOptions } from './options.js';
import { sameBytes } from './same-bytes.js';
import { Session } from './session.js';
import type { Receipt } from './session.js';
import { createSimulation } from './simulation.js';
import { TrafficShaper } from './traffic.js';
import type { NetworkSimulation } from './simulation.js';
import { compareVersions } from './versions.js';

export interface RouterStats {
  readonly connections: number;
  readonly sessions: number;
  /** Messages held for recipients or in simulated transit. */
  readonly queuedMessages: number;
  /** Their payload bytes plus unread output of all connections. */
  readonly queuedBytes: number;
  /** Messages that reached the recipient session's queue. */
  readonly delivered: number;
  /** Messages lost: simulated loss, or the recipient ended before they arrived. */
  readonly dropped: number;
  /** Connections ended by a protocol or internal error. */
  readonly errors: number;
  /** ReportAbuse messages received from clients. */
  readonly abuseReports: number;
}

interface Gateway {
  readonly identity: RouterIdentity;
  readonly hash: Uint8Array;
}

/** Senders pause when a recipient holds more than this share of its queue limit, and resume under half of it. */
const PAUSE_SHARE = 0.5;
const RESUME_SHARE = 0.25;
const ABUSE_SEVERITY_FLOOD = 128;

export class Router {
  readonly log: Logger;
  readonly sessions = new Map<number, Session>();
  private traffic: TrafficLimits | undefined;
  private readonly shaper = new TrafficShaper();
  private readonly connections = new Set<Connection>();
  private readonly byHash = new Map<string, Session>();
  private readonly byHostname = new Map<string, Session>();
  private readonly simulation: NetworkSimulation;
  private readonly transit = new Set<NodeJS.Timeout>();
  private readonly gateways: readonly Gateway[];
  private readonly sweepTimer: NodeJS.Timeout;
  private nextConnectionId = 1;
  private closing = false;
  private idle: (() => void) | undefined;
  private delivered = 0;
  private dropped = 0;
  private errors = 0;
  private abuseReports = 0;

  readonly options: ResolvedOptions;
  readonly names: NameTable;
  readonly admin: RouterAdminHandler | undefined;
  readonly auth: { readonly username: string; readonly password: string } | undefined;

  constructor(
    options: ResolvedOptions,
    names: NameTable,
    admin: RouterAdminHandler | undefined,
    auth: { readonly username: string; readonly password: string } | undefined,
  ) {
    this.options = options;
    this.names = names;
    this.admin = admin;
    this.auth = auth;
    this.log = options.log;
    this.simulation = createSimulation(options.simulation);
    this.gateways = [fakeGateway(), fakeGateway()];
    this.sweepTimer = setInterval(() => {
      this.guarded('sweep', () => {
        this.sweep();
      });
    }, Math.max(10, Math.min(1000, options.leaseDurationMs / 4, options.sessionTimeoutMs / 4, options.limits.maxSenderPauseMs / 4)));
    this.sweepTimer.unref();
  }

  // ------------------------------------------------------------------ connections

  accept(link: Link): void {
    if (this.closing) {
      link.destroy();
      return;
    }
    if (this.connections.size >= this.options.limits.maxConnections) {
      this.log.warn('connection refused: too many connections', { remote: link.remoteAddress });
      link.destroy();
      return;
    }
    const connection = new Connection(this.nextConnectionId++, link, this);
    this.connections.add(connection);
    this.log.debug('connection opened', { connection: connection.id, remote: link.remoteAddress });
  }

  handle(connection: Connection, message: Message): Promise<void> | undefined {
    if (connection.dialect === '2003') return handle2003(this, connection, message);
    handleCurrent(this, connection, message);
    return undefined;
  }

  /** A connection stops serving: its current sessions end, its 2003 sessions wait for a resume. */
  connectionEnding(connection: Connection): void {
    const now = Date.now();
    for (const session of connection.sessions.values()) {
      session.connection = undefined;
      if (session.dialect === '2003' && !this.closing) {
        session.detachedAt = now;
        this.log.info('session detached', { session: session.id, connection: connection.id });
        this.unblockSenders(session, true);
      } else {
        this.endSession(session, 'connection closed');
      }
    }
    connection.sessions.clear();
  }

  connectionClosed(connection: Connection): void {
    this.connections.delete(connection);
    this.log.debug('connection closed', { connection: connection.id });
    if (this.connections.size === 0) this.idle?.();
  }

  /** The client read some of its output: senders waiting on its sessions may go on. */
  connectionDrained(connection: Connection): void {
    for (const session of connection.sessions.values()) this.unblockSenders(session, false);
  }

  get trafficLimits(): TrafficLimits | undefined {
    return this.traffic;
  }

  setTrafficLimits(limits: TrafficLimits | undefined): void {
    this.traffic = limits;
    this.shaper.set(limits);
    this.log.info('traffic limits set', { ...limits });
  }

  countError(): void {
    this.errors++;
  }

  // ------------------------------------------------------------------ sessions

  sessionByHash(hash: Uint8Array): Session | undefined {
    return this.byHash.get(toHex(hash));
  }

  hasRoomForSession(connection: Connection): boolean {
    return (
      connection.sessions.size < this.options.limits.maxSessionsPerConnection && this.sessions.size < this.options.limits.maxSessions
    );
  }

  createSession(connection: Connection, config: SessionConfig): Session {
    // A private copy: the decoded Destination is a view into a network chunk that may be much larger.
    const destination = destinationFromBytes(config.destination.bytes.slice());
    const hash = destinationHash(destination);
    let id: number;
    do id = 1 + Math.floor(Math.random() * 0xfffe);
    while (this.sessions.has(id));
    const session = new Session(id, connection.dialect ?? 'current', destination, toHex(hash), hash);
    session.applyOptions(config.options);
    this.sessions.set(id, session);
    this.byHash.set(session.hashKey, session);
    this.registerHostname(session, undefined);
    this.attach(session, connection);
    this.log.info('session created', { session: id, dialect: session.dialect, destination: b32Address(hash), connection: connection.id });
    return session;
  }

  attach(session: Session, connection: Connection): void {
    session.connection = connection;
    session.detachedAt = 0;
    connection.sessions.set(session.id, session);
  }

  /** Moves a session to another connection; the old one is told why and closed. */
  takeOver(session: Session, connection: Connection): void {
    const old = session.connection;
    if (old !== undefined && old !== connection) {
      old.sessions.delete(session.id);
      session.connection = undefined;
      this.log.info('session taken over', { session: session.id, from: old.id, to: connection.id });
      old.disconnect('session taken over', true);
    }
    this.attach(session, connection);
  }

  reconfigure(session: Session, config: SessionConfig): void {
    const before = session.hostname;
    session.applyOptions(config.options);
    this.registerHostname(session, before);
  }

  endSession(session: Session, reason: string): void {
    if (this.sessions.get(session.id) !== session) return;
    this.sessions.delete(session.id);
    if (this.byHash.get(session.hashKey) === session) this.byHash.delete(session.hashKey);
    if (session.hostname !== undefined && this.byHostname.get(session.hostname) === session) this.byHostname.delete(session.hostname);
    session.connection?.sessions.delete(session.id);
    session.connection = undefined;
    if (session.held !== undefined) {
      for (const message of session.held.values()) {
        if (message.receipt !== undefined) this.report(message.receipt, message.receipt.failure);
      }
      session.held = undefined;
      session.heldBytes = 0;
    }
    this.unblockSenders(session, true);
    this.log.info('session ended', { session: session.id, reason });
  }

  private registerHostname(session: Session, before: string | undefined): void {
    if (before === session.hostname) return;
    if (before !== undefined && this.byHostname.get(before) === session) this.byHostname.delete(before);
    if (session.hostname !== undefined) this.byHostname.set(session.hostname, session);
  }

  // ------------------------------------------------------------------ lease sets

  requestLeaseSet(session: Session): void {
    const connection = session.connection;
    if (connection === undefined) return;
    const now = Date.now();
    const endDate = now + this.options.leaseDurationMs;
    const tunnelId = (): number => 1 + Math.floor(Math.random() * 0xfffffffe);
    session.leaseRequestPending = true;
    if (session.dialect === '2003') {
      connection.send({
        type: 'RequestLeaseSet',
        dialect: '2003',
        sessionId: session.id,
        tunnels: this.gateways.map((g) => ({ gateway: g.identity, tunnelId: tunnelId() })),
        startDate: now,
        endDate,
      });
    } else if (connection.clientVersion === undefined || compareVersions(connection.clientVersion, '0.9.7') < 0) {
      // Clients older than 0.9.7 only know the fixed-expiry request.
      connection.send({
        type: 'RequestLeaseSet',
        dialect: 'current',
        sessionId: session.id,
        tunnels: this.gateways.map((g) => ({ gateway: g.hash, tunnelId: tunnelId() })),
        endDate,
      });
    } else {
      connection.send({
        type: 'RequestVariableLeaseSet',
        sessionId: session.id,
        leases: this.gateways.map((g) => ({ gateway: g.hash, tunnelId: tunnelId(), endDate })),
      });
    }
  }

  /** A verified lease set arrived: from now on others can reach the session. */
  leaseSetAccepted(session: Session, earliestEnd: number | undefined, options?: Mapping): void {
    const wasReachable = session.reachable;
    session.reachable = true;
    session.leaseRequestPending = false;
    session.leaseEnd = earliestEnd ?? Date.now() + this.options.leaseDurationMs;
    session.leaseSetOptions = options;
    if (!wasReachable) this.log.info('session reachable', { session: session.id, destination: b32Address(session.hash) });
  }

  /** When to ask for a fresh lease set: before the leases end, with a margin for the client to answer. */
  private needsLeaseSet(session: Session, now: number): boolean {
    if (!session.reachable) return !session.leaseRequestPending;
    return !session.leaseRequestPending && session.leaseEnd - now <= Math.min(60_000, this.options.leaseDurationMs / 3);
  }

  // ------------------------------------------------------------------ delivery

  /** The live session of a destination (reachable or not), remembered per sender for the next send. */
  recipientFor(sender: Session, destination: Destination): Session | undefined {
    const last = sender.lastRecipient;
    if (last !== undefined && this.isLive(last) && (last.destination === destination || sameBytes(last.destination.bytes, destination.bytes))) {
      return last;
    }
    const found = this.byHash.get(toHex(destinationHash(destination)));
    sender.lastRecipient = found;
    return found;
  }

  /** The session has not ended. */
  isLive(session: Session): boolean {
    return this.sessions.get(session.id) === session;
  }

  /** False when the recipient's queue cannot take `size` more bytes. */
  admits(recipient: Session, size: number): boolean {
    return recipient.queuedBytes() + size <= this.options.limits.maxQueuedBytesPerSession;
  }

  /** Stops reading the sender while the recipient's queue is past the pause mark. */
  throttle(sender: Connection, recipient: Session): void {
    if (recipient.stalled || recipient.connection === undefined || recipient.connection === sender) return;
    if (recipient.queuedBytes() <= this.options.limits.maxQueuedBytesPerSession * PAUSE_SHARE) return;
    if (recipient.blockedSenders === undefined) {
      recipient.blockedSenders = new Set();
      recipient.blockedSince = Date.now();
    }
    if (recipient.blockedSenders.has(sender)) return;
    recipient.blockedSenders.add(sender);
    sender.pauseReading();
  }

  /** Lets paused senders go on once the recipient's queue is under the resume mark (or at once with `always`). */
  unblockSenders(session: Session, always: boolean): void {
    if (session.blockedSenders === undefined && !session.stalled) return;
    if (!always && session.queuedBytes() > this.options.limits.maxQueuedBytesPerSession * RESUME_SHARE) return;
    session.stalled = false;
    this.releaseSenders(session);
  }

  private releaseSenders(session: Session): void {
    const blocked = session.blockedSenders;
    session.blockedSenders = undefined;
    session.blockedSince = 0;
    if (blocked !== undefined) for (const connection of blocked) connection.resumeReading();
  }

  /** Hands a payload to the recipient, through the network simulation when one is configured. */
  deliver(sender: Session, recipient: Session, payload: Uint8Array, receipt: Receipt | undefined): void {
    const fate = this.simulation.fate();
    // Without traffic limits the shaper never delays: no clock reading per message then.
    const delay = fate < 0 || this.traffic === undefined ? fate : fate + this.shaper.delay(payload.length, Date.now());
    if (delay < 0) {
      this.dropped++;
      // Lost in the "network": a best-effort sender learns nothing more than it would from a real router.
      if (receipt !== undefined) this.report(receipt, receipt.when === 'ended' ? receipt.failure : receipt.success);
      return;
    }
    if (delay === 0) {
      this.arrive(sender, recipient, payload, receipt);
      return;
    }
    recipient.inFlightBytes += payload.length;
    const timer = setTimeout(() => {
      this.transit.delete(timer);
      recipient.inFlightBytes -= payload.length;
      this.guarded('delayed delivery', () => {
        if (this.sessions.get(recipient.id) !== recipient) {
          this.dropped++;
          if (receipt !== undefined) this.report(receipt, receipt.failure);
          return;
        }
        this.arrive(sender, recipient, payload, receipt);
        this.unblockSenders(recipient, false);
      });
    }, delay);
    this.transit.add(timer);
  }

  private arrive(sender: Session, recipient: Session, payload: Uint8Array, receipt: Receipt | undefined): void {
    this.delivered++;
    const connection = recipient.connection;
    if (recipient.dialect === '2003' && sender !== recipient) this.watchFlood(sender, recipient);
    const id = recipient.nextMessageId();
    if (connection !== undefined && recipient.fastReceive) {
      connection.enqueuePayload(recipient.id, id, payload);
      // Fast receive has no ReceiveMessageEnd: handing the payload over is the end, for any sender.
      if (receipt !== undefined) this.report(receipt, receipt.success);
      return;
    }
    // Held messages may wait minutes: keep a copy, not a view that pins a whole network chunk.
    recipient.hold({ id, payload: payload.slice(), receipt: receipt?.when === 'ended' ? receipt : undefined });
    if (connection !== undefined) this.announce(recipient, id, payload.length);
    if (receipt?.when === 'queued') this.report(receipt, receipt.success);
  }

  /** MessageStatus(0 available, size): the slow-receive and 2003 way to tell a client a message waits. */
  announce(recipient: Session, messageId: number, size: number): void {
    recipient.connection?.send(this.status(recipient, messageId, MessageStatusCode.Available, 0, size));
  }

  report(receipt: Receipt, status: number): void {
    const sender = receipt.sender;
    if (this.sessions.get(sender.id) !== sender || sender.connection === undefined) return;
    sender.connection.send(this.status(sender, receipt.messageId, status, receipt.nonce, 0));
  }

  /** A MessageStatus in the session's dialect (the nonce exists only in the current one). */
  status(session: Session, messageId: number, status: number, nonce: number, size: number): Message {
    const base = { type: 'MessageStatus', sessionId: session.id, messageId, status, size } as const;
    return session.dialect === '2003' ? base : { ...base, nonce };
  }

  /** A recipient taking more than the flood threshold per second from one sender is told so (2003 ReportAbuse). */
  private watchFlood(sender: Session, recipient: Session): void {
    const now = Date.now();
    if (now - recipient.floodWindowStart >= 1000) {
      recipient.floodWindowStart = now;
      recipient.floodSender = sender.id;
      recipient.floodCount = 0;
    }
    if (sender.id !== recipient.floodSender) return;
    if (++recipient.floodCount !== this.options.limits.floodMessagesPerSecond + 1) return;
    const abuse: ReportAbuseMessage = {
      type: 'ReportAbuse',
      sessionId: recipient.id,
      severity: ABUSE_SEVERITY_FLOOD,
      reason: `flooded: more than ${this.options.limits.floodMessagesPerSecond} messages per second from ${b32Address(sender.hash)}`,
      messageId: 0,
    };
    recipient.connection?.send(abuse);
    this.log.warn('session flooded', { session: recipient.id, by: sender.id });
  }

  recordAbuse(connection: Connection, message: ReportAbuseMessage): void {
    this.abuseReports++;
    this.log.warn('abuse reported by client', {
      connection: connection.id,
      session: message.sessionId,
      severity: message.severity,
      messageId: message.messageId,
      reason: message.reason,
    });
  }

  // ------------------------------------------------------------------ names

  destinationByHash(hash: Uint8Array): Destination | undefined {
    const key = toHex(hash);
    return this.byHash.get(key)?.destination ?? this.names.byHash.get(key);
  }

  /** `.b32.i2p` addresses, session hostnames (`i2cp.stub.hostname`) and hosts-file names, case-insensitive. */
  destinationByName(name: string): Destination | undefined {
    const lower = name.toLowerCase();
    if (lower.endsWith('.b32.i2p')) {
      try {
        return this.destinationByHash(parseB32Address(lower));
      } catch {
        return undefined;
      }
    }
    return this.byHostname.get(lower)?.destination ?? this.names.byName.get(lower);
  }

  // ------------------------------------------------------------------ admin

  handleAdmin(connection: Connection, request: AdminRequest): Promise<void> | undefined {
    if (this.admin === undefined) {
      connection.disconnect(NO_ADMIN_HANDLER_REASON);
      return undefined;
    }
    const context = { remoteAddress: connection.remoteAddress, dialect: connection.dialect ?? '2003', signal: connection.adminSignal } as const;
    return this.admin.handle(request, context).then((outcome) => {
      switch (outcome.kind) {
        case 'reply':
          connection.send(outcome.message);
          return;
        case 'none':
          return;
        case 'disconnect':
          connection.disconnect(outcome.reason);
          return;
      }
    });
  }

  // ------------------------------------------------------------------ sweep, stats, close

  /** Timer callbacks run outside any connection's error path: a failure is logged, never thrown into Node. */
  private guarded(what: string, act: () => void): void {
    try {
      act();
    } catch (e) {
      this.errors++;
      this.log.error(`${what} failed`, { error: e instanceof Error ? e.message : String(e) });
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      if (session.connection === undefined) {
        if (session.detachedAt > 0 && now - session.detachedAt >= this.options.sessionTimeoutMs) {
          this.endSession(session, 'timed out without a connection');
        }
        continue;
      }
      if (session.blockedSenders !== undefined && now - session.blockedSince >= this.options.limits.maxSenderPauseMs) {
        // A recipient that does not read must not hold its senders forever (a paused socket does not
        // even notice its peer closing): they go on, and what no longer fits is refused with a status.
        this.log.warn('recipient stalled: releasing its senders', { session: session.id, queuedBytes: session.queuedBytes() });
        session.stalled = true;
        this.releaseSenders(session);
      }
      if (session.reachable && now >= session.leaseEnd) {
        session.reachable = false;
        this.log.info('lease set expired', { session: session.id });
      }
      if (session.leaseEnd > 0 && this.needsLeaseSet(session, now)) this.requestLeaseSet(session);
    }
  }

  stats(): RouterStats {
    let queuedMessages = this.transit.size;
    let queuedBytes = 0;
    for (const session of this.sessions.values()) {
      queuedMessages += session.held?.size ?? 0;
      queuedBytes += session.heldBytes + session.inFlightBytes;
    }
    for (const connection of this.connections) queuedBytes += connection.outputBytes;
    return {
      connections: this.connections.size,
      sessions: this.sessions.size,
      queuedMessages,
      queuedBytes,
      delivered: this.delivered,
      dropped: this.dropped,
      errors: this.errors,
      abuseReports: this.abuseReports,
    };
  }

  /** Ends every connection with Disconnect(reason) and waits until all are gone. */
  async close(reason: string): Promise<void> {
    this.closing = true;
    clearInterval(this.sweepTimer);
    for (const timer of this.transit) clearTimeout(timer);
    this.transit.clear();
    if (this.connections.size > 0) {
      const idle = new Promise<void>((resolve) => (this.idle = resolve));
      for (const connection of [...this.connections]) connection.disconnect(reason, true);
      await idle;
    }
    for (const session of [...this.sessions.values()]) this.endSession(session, 'router closed');
  }
}

/** A gateway that exists only in the lease sets this router hands out. */
function fakeGateway(): Gateway {
  const identity = createDestination({
    publicKey: { encType: 0, bytes: randomBytes(256) },
    signingPublicKey: { sigType: 0, bytes: randomBytes(128) },
  });
  return { identity, hash: destinationHash(identity) };
}
