import {
  I2cpError,
  bytesEqual,
  destinationHash,
  mappingFrom,
  toI2cpError,
  type BandwidthLimits2003,
  type Destination,
  type Dialect,
  type Mapping,
  type OfflineKeys,
} from '@i2cp/data';
import {
  FrameDecoder,
  NO_SESSION_ID,
  PROTOCOL_BYTE,
  SessionStatusCode,
  decodeMessage,
  encodeMessage,
  encodeSendMessageParts,
  messageInfo,
  type BandwidthLimits2003Message,
  type BandwidthLimitsMessage,
  type DestReplyMessage,
  type HostReplyMessage,
  type Message,
  type SessionStatusMessage,
  type SetDateMessage,
} from '@i2cp/codec';
import { abortError, anySignal, delay, raceSignal, throwIfAborted } from './abort.js';
import { backoffDelay, defaultReconnectPolicy, type ReconnectPolicy } from './backoff.js';
import { deferred, type Deferred } from './deferred.js';
import { LookupError, SessionError } from './errors.js';
import { silentLogger, type Logger } from './logger.js';
import { e2eStateFile, type E2eStateStore } from './e2e/index.js';
import { createPayloadFormat } from './payload-formats.js';
import type { RecipientKey } from './recipient.js';
import { Session, toMapping, type SessionHost } from './session.js';
import { checkOfflineKeys, type SessionKeys } from './session-keys.js';
import { checkSubsessionKeys } from './subsessions.js';
import { createTcpTransport } from './tcp-transport.js';
import type { Transport } from './transport.js';
import type { SignalOptions } from './types.js';

/** The I2CP API level this client announces in GetDate (≥ 0.9.7 so routers send RequestVariableLeaseSet). */
export const CLIENT_VERSION = '0.9.62';

export interface ConnectOptions {
  /** Router host (default 127.0.0.1). */
  readonly host?: string;
  /** Router I2CP port (default 7654). */
  readonly port?: number;
  /**
   * Speak over this transport instead of TCP. A function is called for every (re)connection,
   * e.g. `() => stub.connectMemory()`; a plain Transport cannot be reconnected.
   */
  readonly transport?: Transport | ((signal: AbortSignal) => Transport | Promise<Transport>);
  /** 'current' (default: what i2pd and Java I2P speak) or '2003' (the rev 0.9 draft). */
  readonly dialect?: Dialect;
  /** Router credentials (current dialect, sent in GetDate as i2cp.username / i2cp.password). */
  readonly username?: string;
  readonly password?: string;
  /** Aborts connecting (not the connection once it is open; use close() for that). */
  readonly signal?: AbortSignal;
  /**
   * Reconnect after the link drops and bring every session back: recreated (current dialect) or
   * resumed with nothing lost (2003). true uses the default backoff (250 ms doubling to 30 s).
   */
  readonly autoReconnect?: boolean | ReconnectPolicy;
  readonly logger?: Logger;
  /** How long to wait for the router's SetDate (default 30 s, as Java's client). */
  readonly handshakeTimeoutMs?: number;
  /** Largest message body accepted from the router (default 64 KiB). */
  readonly maxMessageBytes?: number;
}

export interface CreateSessionOptions {
  /** The Destination and its private keys (`generateDestination()` or `readPrivateKeyFile()` of @i2cp/data). */
  readonly keys: SessionKeys;
  /**
   * Session options (tunnel lengths, `i2cp.leaseSetType` 1 or 3, `i2cp.leaseSetEncType` "4,0" …).
   * The client adds `i2cp.fastReceive=true` itself.
   */
  readonly options?: Readonly<Record<string, string>> | Mapping;
  /**
   * 2003 only: where the session keeps its end-to-end receiving state (session tags), a file path
   * or an E2eStateStore. A new process resuming the session with the same keys and the same state
   * reads every message the router kept for it; without it, messages sealed with tags only the
   * old process knew cannot be read. The file holds session keys (it is written with mode 0600).
   */
  readonly e2eState?: string | E2eStateStore;
  /**
   * Current dialect: offline (transient) signing keys, e.g. from `generateOfflineKeys()` of
   * @i2cp/data. The transient key signs the SessionConfig and the LeaseSet2s, which carry the
   * Destination's authorisation; `keys.signingPrivateKey` may then be left out. Needs a LeaseSet2
   * (`i2cp.leaseSetType` 3, the default). Java I2P only: i2pd refuses such sessions.
   */
  readonly offline?: OfflineKeys;
  readonly signal?: AbortSignal;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closing' | 'closed';

export type BandwidthLimitsResult =
  | { readonly dialect: 'current'; readonly limits: readonly number[] }
  | { readonly dialect: '2003'; readonly limits: BandwidthLimits2003 };

export interface BandwidthLimitsOptions extends SignalOptions {
  /** 2003 only: the router's AuthenticationKey (SHA-256 of its admin passphrase). */
  readonly authenticationKey?: Uint8Array;
}

export interface CloseOptions {
  /** Sent to the router in a Disconnect message. */
  readonly reason?: string;
}

/** HostLookup came with this router API version; older routers only know DestLookup (by hash). */
const HOST_LOOKUP_SINCE = [0, 9, 11] as const;
/** A lookup the router did not answer within its own timeout plus this margin fails locally. */
const LOOKUP_TIMEOUT_MS = 15_000;
const LOOKUP_GRACE_MS = 5_000;
/** A router that never asks for the lease set has no tunnels; Java's client gives up after 5 minutes too. */
const LEASE_SET_WAIT_MS = 5 * 60_000;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 7654;

/**
 * The one CreateSession in flight. Its session is attached synchronously when Created arrives,
 * because the router's first lease-set request may follow in the same read.
 */
interface PendingCreate {
  readonly session: Session;
  readonly reply: Deferred<{ readonly status: number; readonly resumed: boolean }>;
}

/** A DestLookup in flight. DestReply names no request: it is matched by hash (or, empty, to the oldest). */
interface PendingDestLookup {
  readonly hash: Uint8Array;
  readonly reply: Deferred<Destination | undefined>;
}

interface Link {
  readonly transport: Transport;
  /** No more writes: the link dropped or is being closed. */
  lost: boolean;
  /** #linkLost ran for it. */
  handled: boolean;
  /** The last open session was closed by the application while this link was up. */
  lastSessionClosed: boolean;
  /** Why the link was lost, once it was: writes refused afterwards report this. */
  failure?: I2cpError;
}

/**
 * Opens a connection to an I2CP router: the TCP (or given) transport, then in the current dialect
 * the protocol byte and the GetDate/SetDate handshake, which also learns the router's clock.
 */
export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const connection = new Connection(options);
  await connection.open(options.signal);
  return connection;
}

/** A connection to a router; it owns sessions and, with `autoReconnect`, survives dropped links. */
export class Connection {
  readonly dialect: Dialect;
  /** Resolves when the connection has ended for good: undefined after close(), the cause otherwise. Never rejects. */
  readonly closed: Promise<I2cpError | undefined>;

  readonly #options: ConnectOptions;
  readonly #logger: Logger;
  readonly #policy: Required<ReconnectPolicy> | undefined;
  readonly #host: SessionHost;
  readonly #closing = new AbortController();
  #resolveClosed!: (error: I2cpError | undefined) => void;
  #state: ConnectionState = 'connecting';
  #link: Link | undefined;
  /** Resolves while a link is open; replaced by a pending one while reconnecting. */
  #linkUp = deferred<undefined>();
  #clockOffset = 0;
  #routerVersion: string | undefined;
  #nonce = 0;
  #requestId = 0;
  /** Reconnect attempts since the last link that brought every session back. */
  #reconnectAttempts = 0;
  readonly #sessions = new Set<Session>();
  readonly #byId = new Map<number, Session>();
  /** CreateSession replies are matched by order only, so only one may be outstanding. */
  #createChain: Promise<void> = Promise.resolve();
  #pendingCreate: PendingCreate | undefined;
  #handshake: Deferred<SetDateMessage> | undefined;
  readonly #lookups = new Map<number, Deferred<HostReplyMessage>>();
  readonly #destLookups: PendingDestLookup[] = [];
  readonly #bandwidth: Deferred<BandwidthLimitsMessage | BandwidthLimits2003Message>[] = [];

  /** @internal Use connect(). */
  constructor(options: ConnectOptions) {
    const dialect = options.dialect ?? 'current';
    if ((dialect as string) !== 'current' && dialect !== '2003') throw new RangeError(`dialect must be 'current' or '2003', got ${dialect}`);
    this.dialect = dialect;
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    const auto = options.autoReconnect;
    this.#policy = auto === undefined || auto === false ? undefined : { ...defaultReconnectPolicy, ...(auto === true ? {} : auto) };
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.#host = {
      dialect,
      logger: this.#logger,
      routerNow: () => this.routerNow(),
      write: (message) => this.#write(message),
      nextNonce: () => {
        // Nonce 0 means "no status wanted", so the counter skips it when it wraps.
        this.#nonce = (this.#nonce % 0xffff_ffff) + 1;
        return this.#nonce;
      },
      lookup: (sessionId, key, signal) => this.#lookup(sessionId, key, signal),
      sessionEnded: (session, error) => {
        this.#sessions.delete(session);
        if (this.#byId.get(session.id) === session) this.#byId.delete(session.id);
        if (error === undefined && this.#sessions.size === 0 && this.#link !== undefined) this.#link.lastSessionClosed = true;
      },
      destroying: (session) => this.#destroying(session),
    };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** The version string from the router's SetDate (i2pd ≤ 2.57 echoes ours). Undefined in 2003. */
  get routerVersion(): string | undefined {
    return this.#routerVersion;
  }

  /** Router clock minus local clock in ms, from SetDate (0 in 2003). */
  get clockOffsetMs(): number {
    return this.#clockOffset;
  }

  /** Now on the router's clock. */
  routerNow(): number {
    return Date.now() + this.#clockOffset;
  }

  /** The sessions that are not closed. */
  get sessions(): readonly Session[] {
    return [...this.#sessions];
  }

  /** @internal First link; connect() calls it. */
  async open(signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#openLink(signal);
      this.#state = 'open';
      this.#linkUp.resolve(undefined);
    } catch (error) {
      const failure = toI2cpError(error, 'CONNECTION_FAILED', 'cannot connect to the router');
      this.#finish(failure);
      throw failure;
    }
  }

  /**
   * Creates a session and resolves once the router has its lease set (the first lease-set request
   * answered), i.e. once other destinations can reach it.
   */
  async createSession(options: CreateSessionOptions): Promise<Session> {
    const { keys, signal, offline } = options;
    if (typeof keys !== 'object' || !('destination' in keys) || (offline === undefined && !('signingPrivateKey' in keys))) {
      throw new TypeError('keys must be { destination, privateKey, signingPrivateKey } (see generateDestination of @i2cp/data)');
    }
    if (offline !== undefined) checkOfflineKeys(this.dialect, keys, offline);
    throwIfAborted(signal);
    this.#assertUsable();
    if (this.dialect === 'current') checkSubsessionKeys(this.#sessions, keys.destination);
    const store = this.#e2eStore(options.e2eState);
    const format = createPayloadFormat(this.dialect, keys, store, offline);
    const session = new Session(this.#host, keys, toMapping(options.options), format, offline);
    this.#sessions.add(session);
    try {
      await raceSignal(this.#linkUp.promise, signal);
      await this.#establish(session, signal);
      return session;
    } catch (error) {
      const failure = toI2cpError(error, 'SESSION_REFUSED', 'cannot create the session');
      // Created but not usable (aborted, no lease-set request): the router must not keep it.
      if (session.id >= 0 && session.state !== 'closed') this.#write(session.destroyMessage()).catch(() => undefined);
      session.end(failure);
      throw failure;
    }
  }

  #e2eStore(state: string | E2eStateStore | undefined): E2eStateStore | undefined {
    if (state === undefined) return undefined;
    if (this.dialect !== '2003') throw new I2cpError('BAD_ARGUMENT', 'e2eState is for the 2003 dialect (the current dialect has no end-to-end encryption in the client)');
    if (typeof state === 'string') return e2eStateFile(state);
    if (typeof state !== 'object' || typeof state.load !== 'function' || typeof state.save !== 'function') {
      throw new TypeError('e2eState must be a file path or an object with load() and save(state)');
    }
    return state;
  }

  /** The router's bandwidth limits (current: 16 integers, [0]/[1] client in/out KBps; 2003: classes, needs the AuthenticationKey). */
  async bandwidthLimits(options: BandwidthLimitsOptions = {}): Promise<BandwidthLimitsResult> {
    const { signal, authenticationKey } = options;
    throwIfAborted(signal);
    if (this.dialect === '2003' && authenticationKey === undefined) {
      throw new I2cpError('BAD_ARGUMENT', 'GetBandwidthLimits in the 2003 dialect needs the authenticationKey');
    }
    this.#assertUsable();
    await raceSignal(this.#linkUp.promise, signal);
    const reply = deferred<BandwidthLimitsMessage | BandwidthLimits2003Message>();
    this.#bandwidth.push(reply);
    const forget = (): void => {
      const i = this.#bandwidth.indexOf(reply);
      // Replies come in order: an abandoned slot stays so the next reply is not misattributed.
      if (i >= 0) this.#bandwidth[i] = deferred();
    };
    this.#write(authenticationKey === undefined ? { type: 'GetBandwidthLimits' } : { type: 'GetBandwidthLimits', authenticationKey }).catch(
      (error: unknown) => {
        reply.reject(error);
      },
    );
    const message = await raceSignal(reply.promise, signal, forget);
    return message.dialect === '2003' ? { dialect: '2003', limits: message.limits } : { dialect: 'current', limits: message.limits };
  }

  /**
   * Closes every session, tells the router (Disconnect) and closes the transport. Pending calls
   * reject with SESSION_CLOSED or CLOSED. Idempotent; resolves once everything has settled.
   */
  async close(options: CloseOptions = {}): Promise<void> {
    if (this.#state === 'closing' || this.#state === 'closed') {
      await this.closed;
      return;
    }
    this.#state = 'closing';
    this.#closing.abort(new I2cpError('CLOSED', 'the connection was closed'));
    await Promise.all([...this.#sessions].map((s) => s.close()));
    const link = this.#link;
    if (link !== undefined && !link.lost) {
      await this.#write({ type: 'Disconnect', reason: options.reason ?? 'client closed the connection' }).catch(() => undefined);
      link.lost = true;
      await link.transport.close().catch(() => undefined);
    }
    this.#finish(undefined);
  }

  // ------------------------------------------------------------------ links

  async #openLink(signal: AbortSignal | undefined): Promise<Link> {
    const transport = await this.#makeTransport(signal);
    const link: Link = { transport, lost: false, handled: false, lastSessionClosed: false };
    this.#link = link;
    void this.#read(link);
    if (this.dialect === '2003') return link;
    try {
      await this.#handshakeOn(link, signal);
    } catch (error) {
      const failure = toI2cpError(error, 'HANDSHAKE_FAILED', 'handshake with the router failed');
      this.#linkLost(link, failure, false);
      throw failure;
    }
    return link;
  }

  async #makeTransport(signal: AbortSignal | undefined): Promise<Transport> {
    const given = this.#options.transport;
    const combined = anySignal(signal, this.#closing.signal) ?? this.#closing.signal;
    if (given === undefined) {
      return createTcpTransport({ host: this.#options.host ?? DEFAULT_HOST, port: this.#options.port ?? DEFAULT_PORT, signal: combined });
    }
    if (typeof given === 'function') return raceSignal(Promise.resolve(given(combined)), combined);
    if (this.#link !== undefined) throw new I2cpError('CONNECTION_FAILED', 'a fixed transport cannot be reconnected (pass a function that makes one)');
    return given;
  }

  async #handshakeOn(link: Link, signal: AbortSignal | undefined): Promise<void> {
    const reply = deferred<SetDateMessage>();
    this.#handshake = reply;
    const { username, password } = this.#options;
    const auth =
      username === undefined && password === undefined
        ? undefined
        : mappingFrom({ 'i2cp.username': username ?? '', 'i2cp.password': password ?? '' });
    const sent = Date.now();
    try {
      await link.transport.write(Uint8Array.of(PROTOCOL_BYTE));
    } catch (error) {
      // Writes wait for the end of the turn: bad bytes from the router may have ended the link first.
      throw link.failure ?? error;
    }
    await this.#write(auth === undefined ? { type: 'GetDate', version: CLIENT_VERSION } : { type: 'GetDate', version: CLIENT_VERSION, options: auth });
    const timeout = AbortSignal.timeout(this.#options.handshakeTimeoutMs ?? 30_000);
    let setDate: SetDateMessage;
    try {
      setDate = await raceSignal(reply.promise, anySignal(signal, timeout));
    } catch (error) {
      if (timeout.aborted && signal?.aborted !== true) {
        throw new I2cpError('HANDSHAKE_FAILED', 'the router did not answer GetDate (is this an I2CP port?)', { cause: error });
      }
      throw error;
    } finally {
      this.#handshake = undefined;
    }
    // The router read its clock about half a round trip after we sent GetDate.
    this.#clockOffset = setDate.date - Math.round((sent + Date.now()) / 2);
    this.#routerVersion = setDate.version;
    this.#logger.debug('handshake done', { routerVersion: setDate.version, clockOffsetMs: this.#clockOffset });
  }

  async #read(link: Link): Promise<void> {
    const decoder = new FrameDecoder(this.#options.maxMessageBytes === undefined ? {} : { maxMessageBytes: this.#options.maxMessageBytes });
    let error: I2cpError;
    try {
      for await (const chunk of link.transport) {
        for (const frame of decoder.push(chunk)) {
          if (link.lost) return;
          this.#dispatch(link, decodeMessage(frame, this.dialect));
        }
      }
      error = new I2cpError('DISCONNECTED', 'the router closed the connection');
    } catch (e) {
      error = toI2cpError(e, 'PROTOCOL', 'bad data from the router');
    }
    this.#linkLost(link, error, true);
  }

  /** Everything tied to one link settles here; sessions survive only if a reconnect follows. */
  #linkLost(link: Link, error: I2cpError, mayReconnect: boolean): void {
    if (link.handled) return;
    link.handled = true;
    link.lost = true;
    link.transport.close().catch(() => undefined);
    if (this.#link !== link) return;
    // Pending calls learn that the link is gone; a bad byte stream or the like stays visible as the cause.
    const lost = ['DISCONNECTED', 'CLOSED', 'AUTH_FAILED'].includes(error.code) ? error : new I2cpError('DISCONNECTED', error.message, { cause: error });
    link.failure = lost;
    this.#handshake?.reject(lost);
    this.#pendingCreate?.reply.reject(lost);
    for (const d of this.#lookups.values()) d.reject(lost);
    this.#lookups.clear();
    for (const p of this.#destLookups.splice(0)) p.reply.reject(lost);
    for (const d of this.#bandwidth.splice(0)) d.reject(lost);
    this.#byId.clear();
    // close() is waiting for its DestroySessions: a router that closes the socket answered them (Java).
    if (this.#state === 'closing') for (const session of [...this.#sessions]) session.linkLost(lost, false);
    if (this.#state !== 'open') return;
    this.#logger.info('link lost', { error: error.message });
    const reconnect = mayReconnect && this.#policy !== undefined && typeof this.#options.transport !== 'object' && allowsReconnect(error);
    for (const s of [...this.#sessions]) s.linkLost(lost, reconnect);
    if (!reconnect) {
      // i2pd closes the socket after destroying a connection's last session: that is a clean end.
      this.#finish(link.lastSessionClosed && this.#sessions.size === 0 && error.code === 'DISCONNECTED' ? undefined : error);
      return;
    }
    this.#state = 'reconnecting';
    this.#linkUp = deferred();
    void this.#reconnect(error);
  }

  async #reconnect(cause: I2cpError): Promise<void> {
    const policy = this.#policy!;
    let last = cause;
    while (this.#reconnectAttempts < policy.maxAttempts) {
      const attempt = this.#reconnectAttempts++;
      try {
        await delay(backoffDelay(policy, attempt), this.#closing.signal);
      } catch {
        return;
      }
      let link: Link;
      try {
        link = await this.#openLink(this.#closing.signal);
      } catch (error) {
        if (this.#state !== 'reconnecting') return;
        last = toI2cpError(error, 'CONNECTION_FAILED', 'reconnect failed');
        this.#logger.warn('reconnect failed', { attempt: attempt + 1, error: last.message });
        continue;
      }
      this.#state = 'open';
      this.#linkUp.resolve(undefined);
      this.#logger.info('reconnected', { attempt: attempt + 1, sessions: this.#sessions.size });
      for (const session of [...this.#sessions]) {
        try {
          await this.#establish(session, this.#closing.signal);
        } catch (error) {
          // A dropped link has started another reconnect that brings this session back.
          if (link.lost) return;
          session.end(toI2cpError(error, 'SESSION_REFUSED', 'the session could not be recreated'));
        }
      }
      this.#reconnectAttempts = 0;
      return;
    }
    this.#finish(new I2cpError('CONNECTION_FAILED', `gave up reconnecting after ${policy.maxAttempts} attempts: ${last.message}`, { cause: last }));
  }

  /** CreateSession on the current link; 2003 resumes when the router hands back the same id. */
  async #establish(session: Session, signal: AbortSignal | undefined): Promise<void> {
    const previous = this.#createChain;
    let release!: () => void;
    this.#createChain = new Promise((resolve) => {
      release = resolve;
    });
    let resumed = false;
    try {
      await previous;
      throwIfAborted(signal);
      const pending: PendingCreate = { session, reply: deferred() };
      this.#pendingCreate = pending;
      try {
        await this.#write(session.createMessage());
        const outcome = await raceSignal(pending.reply.promise, signal);
        if (outcome.status !== SessionStatusCode.Created) throw new SessionError(outcome.status, 'the router refused the session');
        resumed = outcome.resumed;
      } finally {
        this.#pendingCreate = undefined;
      }
    } finally {
      release();
    }
    if (resumed) return;
    const bound = AbortSignal.timeout(LEASE_SET_WAIT_MS);
    try {
      await raceSignal(session.leaseSetAnswered(), anySignal(signal, bound));
    } catch (error) {
      if (bound.aborted && signal?.aborted !== true) {
        throw new I2cpError('TIMEOUT', `the router did not ask for the lease set within ${LEASE_SET_WAIT_MS / 1000} s (no tunnels?)`, { cause: error });
      }
      throw error;
    }
  }

  // ------------------------------------------------------------------ messages

  #write(message: Message): Promise<void> {
    const link = this.#link;
    if (link === undefined || link.lost) {
      return Promise.reject(
        this.#state === 'closed' || this.#state === 'closing'
          ? new I2cpError('CLOSED', 'the connection is closed')
          : new I2cpError('DISCONNECTED', 'not connected to the router'),
      );
    }
    let written: Promise<void>;
    try {
      written = writeMessage(link.transport, message, this.dialect);
      // The application has the message: a process killed from now on must still have told the
      // router, or the resumed session gets it again (a duplicate the application already has).
      // So an End does not wait for the coalesced write at the end of the turn.
      if (message.type === 'ReceiveMessageEnd') link.transport.flush?.();
    } catch (error) {
      return Promise.reject(toI2cpError(error, 'ENCODE_INVALID', `cannot encode ${message.type}`));
    }
    return written.catch((error: unknown) => {
      // A transport refusing bytes means the link is gone (for the reason it was lost, if known); CLOSED is kept for close() and the final end.
      throw this.#state === 'closing' || this.#state === 'closed'
        ? toI2cpError(error, 'CLOSED', 'the connection is closed')
        : (link.failure ?? new I2cpError('DISCONNECTED', 'the link to the router failed while writing', { cause: error }));
    });
  }

  #dispatch(link: Link, message: Message): void {
    switch (message.type) {
      case 'SetDate':
        if (this.#handshake !== undefined) this.#handshake.resolve(message);
        else this.#clockOffset = message.date - Date.now();
        return;
      case 'SessionStatus':
        this.#onSessionStatus(message);
        return;
      case 'RequestVariableLeaseSet':
      case 'RequestLeaseSet':
      case 'MessageStatus':
      case 'MessagePayload':
      case 'ReportAbuse': {
        const session = this.#byId.get(message.sessionId) ?? this.#onlySession(message);
        if (session !== undefined) session.handle(message);
        else this.#logger.warn('message for an unknown session', { type: message.type, sessionId: message.sessionId });
        return;
      }
      case 'HostReply': {
        const pending = this.#lookups.get(message.requestId);
        this.#lookups.delete(message.requestId);
        pending?.resolve(message);
        return;
      }
      case 'DestReply':
        this.#onDestReply(message);
        return;
      case 'BandwidthLimits':
        this.#bandwidth.shift()?.resolve(message);
        return;
      case 'Disconnect': {
        this.#logger.warn('router disconnected', { reason: message.reason });
        // Java and the router stub refuse a CreateSession (session limits, options) by ending the connection.
        this.#pendingCreate?.reply.reject(new I2cpError('SESSION_REFUSED', `the router refused the session: ${message.reason}`));
        const code = this.#handshake !== undefined && /auth/i.test(message.reason) ? 'AUTH_FAILED' : 'DISCONNECTED';
        this.#linkLost(link, new I2cpError(code, `router disconnected: ${message.reason}`), true);
        return;
      }
      case 'unknown':
        this.#logger.debug('ignored unknown message type', { typeId: message.typeId });
        return;
      case 'CreateSession':
      case 'ReconfigureSession':
      case 'DestroySession':
      case 'CreateLeaseSet':
      case 'CreateLeaseSet2':
      case 'SendMessage':
      case 'SendMessageExpires':
      case 'ReceiveMessageBegin':
      case 'ReceiveMessageEnd':
      case 'GetBandwidthLimits':
      case 'GetDate':
      case 'DestLookup':
      case 'HostLookup':
      case 'BlindingInfo':
      case 'SetBandwidthLimits':
      case 'GetTrustedRouters':
      case 'SetTrustedRouters':
      case 'GetAddressVisibility':
      case 'SetAddressVisibility':
      case 'GetAddressRotationPeriod':
      case 'SetAddressRotationPeriod':
      case 'ForceAddressRotation':
      case 'GetPeers':
      case 'SetPeers':
      case 'SetPassword':
      case 'TrustedRouters':
      case 'AddressVisibility':
      case 'AddressRotationPeriod':
      case 'LastAddressRotation':
      case 'Peers':
        // Client-to-router messages and admin
        // replies (@i2cp/admin's business) have no meaning arriving here.
        this.#logger.warn('ignored unexpected message from the router', { type: message.type });
    }
  }

  /**
   * i2pd answers a refused second CreateSession by switching the connection's only session id;
   * with one session there is no doubt whom a message is for.
   */
  #onlySession(message: { readonly sessionId: number }): Session | undefined {
    if (this.#byId.size !== 1 || message.sessionId === NO_SESSION_ID) return undefined;
    return this.#byId.values().next().value;
  }

  #onSessionStatus(message: SessionStatusMessage): void {
    const session = this.#byId.get(message.sessionId);
    const status = message.status;
    const pending = this.#pendingCreate;
    if (status === SessionStatusCode.Created) {
      if (pending !== undefined) {
        this.#pendingCreate = undefined;
        const created = pending.session;
        const resumed = this.dialect === '2003' && created.state === 'suspended' && created.id === message.sessionId;
        this.#byId.set(message.sessionId, created);
        created.attached(message.sessionId, resumed);
        pending.reply.resolve({ status, resumed });
      } else if (this.dialect === 'current') {
        // An abandoned CreateSession succeeded after all: do not leave it running at the router.
        this.#write({ type: 'DestroySession', sessionId: message.sessionId }).catch(() => undefined);
      }
      return;
    }
    if (session !== undefined && (status === SessionStatusCode.Updated || status === SessionStatusCode.Destroyed || session.expectsStatus())) {
      session.handle(message);
      return;
    }
    if (pending !== undefined) {
      this.#pendingCreate = undefined;
      pending.reply.resolve({ status, resumed: false });
      return;
    }
    if (session !== undefined) session.handle(message);
    else this.#logger.warn('SessionStatus for an unknown session', { sessionId: message.sessionId, status });
  }

  async #lookup(sessionId: number, key: Exclude<RecipientKey, { kind: 'destination' }>, signal: AbortSignal | undefined): Promise<Destination> {
    if (messageInfo(38, this.dialect) === undefined) {
      throw new LookupError(1, `the ${this.dialect} dialect has no lookups: give the Destination itself`);
    }
    if (!versionAtLeast(this.#routerVersion, HOST_LOOKUP_SINCE)) return this.#destLookup(key, signal);
    const requestId = (this.#requestId = (this.#requestId + 1) & 0x7fff_ffff);
    const reply = deferred<HostReplyMessage>();
    this.#lookups.set(requestId, reply);
    const forget = (): void => {
      this.#lookups.delete(requestId);
    };
    const lookupKey =
      key.kind === 'hash'
        ? ({ kind: 'hash', hash: key.hash, withOptions: false } as const)
        : ({ kind: 'hostname', hostname: key.hostname, withOptions: false } as const);
    this.#write({ type: 'HostLookup', sessionId, requestId, timeoutMs: LOOKUP_TIMEOUT_MS, key: lookupKey }).catch((error: unknown) => {
      forget();
      reply.reject(error);
    });
    // Some routers ignore message types they do not know: never wait longer than the router would.
    const bound = AbortSignal.timeout(LOOKUP_TIMEOUT_MS + LOOKUP_GRACE_MS);
    let message: HostReplyMessage;
    try {
      message = await raceSignal(reply.promise, anySignal(signal, bound), forget);
    } catch (error) {
      if (bound.aborted && signal?.aborted !== true) throw new LookupError(1, 'the router did not answer the lookup', { cause: abortError(bound) });
      throw error;
    }
    const name = key.kind === 'hash' ? 'the hash' : key.hostname;
    if (message.resultCode !== 0 || message.destination === undefined) {
      throw new LookupError(message.resultCode, `the router could not resolve ${name} (result ${message.resultCode})`);
    }
    return message.destination;
  }

  /**
   * A router older than 0.9.11 has no HostLookup: a hash (or .b32.i2p address) is looked up with
   * DestLookup, whose DestReply is the Destination, or the hash (or nothing) when it is not found.
   */
  async #destLookup(key: Exclude<RecipientKey, { kind: 'destination' }>, signal: AbortSignal | undefined): Promise<Destination> {
    if (key.kind === 'hostname') {
      throw new LookupError(
        1,
        `cannot look up the host name ${key.hostname}: the router (I2CP ${this.#routerVersion ?? 'version unknown'}) predates HostLookup (0.9.11) and resolves only hashes and .b32.i2p addresses`,
      );
    }
    const pending: PendingDestLookup = { hash: key.hash, reply: deferred() };
    this.#destLookups.push(pending);
    const forget = (): void => {
      const i = this.#destLookups.indexOf(pending);
      // Kept in its place with another hash, so an empty reply (matched by order) still goes to the right caller.
      if (i >= 0) this.#destLookups[i] = { hash: new Uint8Array(0), reply: deferred() };
    };
    this.#write({ type: 'DestLookup', hash: key.hash }).catch((error: unknown) => {
      forget();
      pending.reply.reject(error);
    });
    // Java routers give up after 15 s; never wait much longer than the router would.
    const bound = AbortSignal.timeout(LOOKUP_TIMEOUT_MS + LOOKUP_GRACE_MS);
    let destination: Destination | undefined;
    try {
      destination = await raceSignal(pending.reply.promise, anySignal(signal, bound), forget);
    } catch (error) {
      if (bound.aborted && signal?.aborted !== true) throw new LookupError(1, 'the router did not answer the lookup', { cause: abortError(bound) });
      throw error;
    }
    if (destination === undefined) throw new LookupError(1, 'the router could not resolve the hash (DestReply without a Destination)');
    return destination;
  }

  #onDestReply(message: DestReplyMessage): void {
    const hash = message.destination === undefined ? message.hash : destinationHash(message.destination);
    // An empty reply (routers before 0.8.3) names nothing: it answers the oldest lookup.
    const i = hash === undefined ? 0 : this.#destLookups.findIndex((p) => bytesEqual(p.hash, hash));
    const pending = i < 0 ? undefined : this.#destLookups.splice(i, 1)[0];
    if (pending === undefined) {
      this.#logger.warn('DestReply for no lookup in flight', {});
      return;
    }
    pending.reply.resolve(message.destination);
  }

  /**
   * Session.close() is about to send DestroySession. Current dialect (Java's rule): the connection's
   * first session is the primary, and destroying it destroys its subsessions, which end here too; a
   * subsession is destroyed without any reply. Returns whether the router answers.
   */
  #destroying(session: Session): boolean {
    if (this.dialect !== 'current') return true;
    if (this.#sessions.values().next().value !== session) return false;
    for (const other of [...this.#sessions]) {
      if (other !== session) other.end(undefined, 'the session was closed with its primary session');
    }
    return true;
  }

  #assertUsable(): void {
    if (this.#state === 'closing' || this.#state === 'closed') throw new I2cpError('CLOSED', 'the connection is closed');
  }

  #finish(error: I2cpError | undefined): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    if (!this.#closing.signal.aborted) this.#closing.abort(new I2cpError('CLOSED', 'the connection was closed'));
    const link = this.#link;
    if (link !== undefined && !link.lost) {
      link.lost = true;
      link.transport.close().catch(() => undefined);
    }
    const closed = new I2cpError('CLOSED', error === undefined ? 'the connection was closed' : `the connection ended: ${error.message}`, { cause: error });
    this.#handshake?.reject(closed);
    this.#pendingCreate?.reply.reject(closed);
    for (const d of this.#lookups.values()) d.reject(closed);
    this.#lookups.clear();
    for (const p of this.#destLookups.splice(0)) p.reply.reject(closed);
    for (const d of this.#bandwidth.splice(0)) d.reject(closed);
    this.#linkUp.reject(closed);
    for (const s of [...this.#sessions]) s.end(error);
    this.#logger.info('connection closed', error === undefined ? {} : { error: error.message });
    this.#resolveClosed(error);
  }
}

/**
 * Encodes a message onto the transport (throws what encoding throws). A payload-carrying message
 * goes out in parts where the transport takes them, so its payload is not copied into a frame first.
 */
function writeMessage(transport: Transport, message: Message, dialect: Dialect): Promise<void> {
  if (transport.writev !== undefined && (message.type === 'SendMessage' || message.type === 'SendMessageExpires')) {
    return transport.writev(encodeSendMessageParts(message, dialect));
  }
  return transport.write(encodeMessage(message, dialect));
}

/**
 * Whether a dotted version is at least `minimum`, compared part by part as numbers ("2.7.0" is past
 * "0.9.11", "0.9.9" before it). An absent version (SetDate before 0.8.7) is older than any.
 */
function versionAtLeast(version: string | undefined, minimum: readonly number[]): boolean {
  if (version === undefined) return false;
  const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (const [i, want] of minimum.entries()) {
    const have = parts[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

/** A router that said why it disconnected is not reconnected to, unless it said it is restarting (as Java's client does). */
function allowsReconnect(error: I2cpError): boolean {
  if (error.code === 'AUTH_FAILED') return false;
  if (!error.message.startsWith('router disconnected:')) return true;
  return /restart/i.test(error.message);
}
