import {
  I2cpError,
  mappingFrom,
  offlineSignatureOptions,
  signSessionConfig,
  toHex,
  type Destination,
  type Dialect,
  type Mapping,
  type OfflineKeys,
  type SessionConfig,
} from '@i2cp/data';
import {
  SessionStatusCode,
  type Message,
  type MessagePayloadMessage,
  type MessageStatusMessage,
  type ReportAbuseMessage,
  type RequestLeaseSet2003Message,
  type RequestLeaseSetMessage,
  type RequestVariableLeaseSetMessage,
  type SendMessageExpiresMessage,
  type SendMessageMessage,
  type SessionStatusMessage,
} from '@i2cp/codec';
import { abortError, raceSignal, throwIfAborted } from './abort.js';
import { BoundedQueue } from './bounded-queue.js';
import { deferred, type Deferred } from './deferred.js';
import { SessionError } from './errors.js';
import { LeaseSetBuilder, assertPlanFits, leaseSetPlan, type LeaseSetPlan } from './lease-sets.js';
import type { Logger } from './logger.js';
import type { DecodedPayload, EncodedPayload, PayloadFormat } from './payload-format.js';
import { parseRecipient, type RecipientKey } from './recipient.js';
import { destinationSigner, type SessionKeys } from './session-keys.js';
import { isFinalStatus, isSuccessStatus, messageStatusName } from './status.js';
import type { AbuseReport, MessagesOptions, ReceivedMessage, SendOptions, SendResult, SignalOptions } from './types.js';

/** What a Session needs from its Connection (kept narrow so the two stay testable apart). */
export interface SessionHost {
  readonly dialect: Dialect;
  readonly logger: Logger;
  /** Now on the router's clock (SetDate offset applied). */
  routerNow(): number;
  /** Encodes and writes one message on the live link; rejects when there is none. */
  write(message: Message): Promise<void>;
  nextNonce(): number;
  /** Resolves a hash or host name through the router. */
  lookup(sessionId: number, key: Exclude<RecipientKey, { kind: 'destination' }>, signal: AbortSignal | undefined): Promise<Destination>;
  /** Called once when the session has ended (error undefined: closed by the application), so the connection forgets it. */
  sessionEnded(session: Session, error: I2cpError | undefined): void;
  /**
   * The application closes `session` (just before its DestroySession): the connection ends the sessions
   * the router ends with it, and says whether the router answers at all (SessionStatus, Disconnect or EOF).
   */
  destroying(session: Session): boolean;
}

/** The router's messages that concern one session. */
export type SessionMessage =
  | RequestVariableLeaseSetMessage
  | RequestLeaseSetMessage
  | RequestLeaseSet2003Message
  | MessageStatusMessage
  | MessagePayloadMessage
  | SessionStatusMessage
  | ReportAbuseMessage;

export type SessionState = 'creating' | 'open' | 'suspended' | 'closed';

/** Keys of the options the client always sets itself in the current dialect. */
const FAST_RECEIVE = 'i2cp.fastReceive';
const DEFAULT_BACKLOG = 256;
const DESTROY_REPLY_MS = 5000;
const NAME_CACHE_MS = 10 * 60_000;
const NAME_CACHE_MAX = 1024;
/** MessageIds of ended messages remembered, so one announced again after a reconnect is ended, not delivered twice. */
const ENDED_MEMORY = 4096;

interface PendingSend {
  readonly result: Deferred<SendResult>;
  /** The message as written, kept so a 2003 session can send it again after resuming. */
  readonly message: SendMessageMessage;
  /** Its caller gave up on it: a 2003 send still takes its place in the order of statuses, which are not followed. */
  readonly abandoned: boolean;
  accepted: boolean;
  messageId: number | undefined;
}

/**
 * A received message between the router and the application. A message the router holds until
 * ReceiveMessageEnd (2003; a current router without fast receive) is ended only once an
 * application consumer is done with it: it asked for the next message or left the loop. Until
 * then the router keeps it, so a process killed before that gets it again when it resumes.
 * Not ended when merely handed out: the End would then precede the application's work on it, and
 * a process killed in between (while it decrypts the rest of a read, say) would lose the message.
 * Ended on the next pull, the only window left is between the end of the loop body and that pull,
 * and what it risks is a duplicate with the same MessageId, not a loss.
 */
interface Inbound {
  readonly messageId: number;
  /** The router holds it until ReceiveMessageEnd. */
  readonly held: boolean;
  /** The attachment it came on: a message of an earlier (not resumed) session is never ended on a new one. */
  readonly epoch: number;
  readonly payload: DecodedPayload;
  /** Queues holding it (or that gave it out and wait for the consumer to be done). */
  copies: number;
  done: boolean;
}

interface Subscriber {
  readonly queue: BoundedQueue<ReceivedMessage>;
  readonly protocol: number | undefined;
  readonly port: number | undefined;
}

/**
 * One I2CP session: a Destination attached to the router through a Connection. It answers the
 * router's lease-set requests itself, sends with delivery status, and hands received messages to
 * `messages()` iterators. It outlives a dropped connection when the connection reconnects.
 */
export class Session {
  readonly destination: Destination;
  /** Resolves once the session has ended: undefined after close(), the cause otherwise. Never rejects. */
  readonly closed: Promise<I2cpError | undefined>;

  readonly #host: SessionHost;
  readonly #keys: SessionKeys;
  /** Transient key and the Destination's authorisation: they sign instead of the Destination's key (current dialect). */
  readonly #offline: OfflineKeys | undefined;
  readonly #format: PayloadFormat;
  #rejected = 0;
  readonly #leaseSets: LeaseSetBuilder;
  #userOptions: Mapping;
  #plan: LeaseSetPlan | undefined;
  #state: SessionState = 'creating';
  #id = -1;
  #resolveClosed!: (error: I2cpError | undefined) => void;
  /** Resolves when the session is usable again after a drop; replaced on every suspension. */
  #usable = deferred<undefined>();
  #leaseSetAnswered = deferred<undefined>();
  // current dialect: sends by nonce; 2003: sends waiting for "accepted" in order, then by MessageId.
  readonly #byNonce = new Map<number, PendingSend>();
  readonly #awaitingAccept: PendingSend[] = [];
  readonly #byMessageId = new Map<number, PendingSend>();
  readonly #reconfigures: Deferred<number>[] = [];
  #destroyReply: Deferred<undefined> | undefined;
  /** MessageIds announced with status 0 (slow receive), fetched with ReceiveMessageBegin. */
  readonly #announced = new Set<number>();
  /** Counts attachments that are not resumptions: MessageIds are only meaningful within one. */
  #epoch = 0;
  /** Held messages of this attachment that are here, not yet ended, by MessageId. */
  readonly #live = new Map<number, Inbound>();
  /** Held messages of this attachment that were ended (oldest first, bounded). */
  readonly #ended = new Set<number>();
  readonly #inbound = new WeakMap<ReceivedMessage, Inbound>();
  readonly #queueHooks = {
    consumed: (m: ReceivedMessage): void => {
      this.#consumed(m);
    },
    dropped: (m: ReceivedMessage): void => {
      this.#dropped(m);
    },
  };
  readonly #subscribers = new Set<Subscriber>();
  readonly #backlog = new BoundedQueue<ReceivedMessage>(DEFAULT_BACKLOG, undefined, this.#queueHooks);
  readonly #abuse = new BoundedQueue<AbuseReport>(64);
  readonly #names = new Map<string, { destination: Destination; until: number }>();

  /** @internal Created by Connection.createSession. */
  constructor(host: SessionHost, keys: SessionKeys, options: Mapping, format: PayloadFormat, offline?: OfflineKeys) {
    this.#host = host;
    this.#keys = keys;
    this.#offline = offline;
    this.destination = keys.destination;
    this.#format = format;
    this.#userOptions = options;
    this.#leaseSets = new LeaseSetBuilder(keys, offline);
    if (host.dialect === 'current') {
      this.#plan = leaseSetPlan(options);
      assertPlanFits(this.#plan, offline);
      this.#leaseSets.prepare(this.#plan);
    }
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
  }

  /** The router's id for this session (changes when a current-dialect session is recreated). */
  get id(): number {
    return this.#id;
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Messages dropped because nobody read them fast enough (buffers are bounded). */
  get droppedMessages(): number {
    let n = this.#backlog.dropped;
    for (const s of this.#subscribers) n += s.queue.dropped;
    return n;
  }

  /**
   * Payloads dropped because they could not be read or verified: a datagram whose signature does not
   * verify (changed, or a Datagram2 made for another Destination), malformed bytes, a 2003 payload
   * this session cannot decrypt. Each is also logged as a warning; none is delivered.
   */
  get rejectedMessages(): number {
    return this.#rejected;
  }

  /** The options as last accepted by the router (what the user gave; the client adds its own on the wire). */
  get options(): Mapping {
    return this.#userOptions;
  }

  // ------------------------------------------------------------------ public API

  /**
   * Sends `data` to a Destination, a `.b32.i2p` address, a base64 Destination or a host name.
   * Resolves with the router's final status (also when it reports a failure: check `success`);
   * rejects with an I2cpError when the message could not be handed to the router.
   */
  async send(to: Destination | Uint8Array | string, data: Uint8Array, options: SendOptions = {}): Promise<SendResult> {
    const { signal } = options;
    if (!(data instanceof Uint8Array)) throw new TypeError('data must be a Uint8Array');
    const protocol = checkByte('protocol', options.protocol ?? 18);
    const fromPort = checkPort('fromPort', options.fromPort ?? 0);
    const toPort = checkPort('toPort', options.toPort ?? 0);
    const fireAndForget = options.reliability === 'none';
    if (options.expires !== undefined && this.#host.dialect === '2003') {
      throw new I2cpError('BAD_ARGUMENT', 'the 2003 dialect has no message expiration (SendMessageExpires is a current-dialect message)');
    }
    throwIfAborted(signal);
    this.#assertNotClosed();
    // A Destination and an open session need no wait: no await for them (each costs a turn of the microtask queue).
    const recipient = parseRecipient(to);
    const destination = recipient.kind === 'destination' ? recipient.destination : await this.#resolve(recipient, signal);
    const encoded = this.#format.encode(destination, { data, protocol, fromPort, toPort, compress: options.compress ?? true });
    const expires = options.expires === undefined ? undefined : +options.expires;
    let result: SendResult;
    try {
      if (this.#state !== 'open') await this.#whenUsable(signal);
      result =
        this.#host.dialect === '2003'
          ? await this.#send2003(destination, encoded, fireAndForget, signal)
          : await this.#sendCurrent(destination, encoded.bytes, fireAndForget, expires, signal);
    } catch (error) {
      encoded.settle(false);
      throw error;
    }
    // 2003 settles when the final status comes, also for a send whose caller does not wait for it.
    if (this.#host.dialect === 'current') encoded.settle(result.final && result.success && result.status !== undefined);
    return result;
  }

  /**
   * An async iterable of received messages, optionally only those of one protocol and/or port.
   * Each call is an independent consumer with its own bounded buffer; `break` releases it.
   * Messages that arrive while no consumer matches wait in a bounded backlog for the next one.
   */
  messages(options: MessagesOptions = {}): AsyncIterable<ReceivedMessage> {
    const { protocol, port, signal } = options;
    if (protocol !== undefined) checkByte('protocol', protocol);
    if (port !== undefined) checkPort('port', port);
    const subscriber: Subscriber = {
      queue: new BoundedQueue<ReceivedMessage>(
        options.bufferSize ?? DEFAULT_BACKLOG,
        () => {
          this.#subscribers.delete(subscriber);
          signal?.removeEventListener('abort', onAbort);
        },
        this.#queueHooks,
      ),
      protocol,
      port,
    };
    const onAbort = (): void => {
      subscriber.queue.end(signal === undefined ? undefined : abortError(signal));
    };
    if (this.#state === 'closed') {
      subscriber.queue.end();
      return subscriber.queue;
    }
    const kept: ReceivedMessage[] = [];
    for (const m of this.#backlog.drain()) (matches(subscriber, m) ? subscriber.queue : kept).push(m);
    for (const m of kept) this.#backlog.push(m);
    this.#subscribers.add(subscriber);
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    return subscriber.queue;
  }

  /** ReportAbuse messages the router sent about this session (rare; the 2003 draft's abuse reporting). */
  abuseReports(): AsyncIterable<AbuseReport> {
    return this.#abuse;
  }

  /** Resolves a host name, `.b32.i2p` address or 32-byte hash to a Destination through the router. */
  async lookup(nameOrHash: string | Uint8Array, options: SignalOptions = {}): Promise<Destination> {
    this.#assertNotClosed();
    return this.#resolve(parseRecipient(nameOrHash), options.signal);
  }

  /** Sends new options (merged over the current ones, freshly signed); resolves once the router accepted them. */
  async reconfigure(options: Readonly<Record<string, string>> | Mapping, signalOptions: SignalOptions = {}): Promise<void> {
    const { signal } = signalOptions;
    throwIfAborted(signal);
    this.#assertNotClosed();
    const merged = new Map(this.#userOptions);
    for (const [k, v] of toMapping(options)) merged.set(k, v);
    const plan = this.#host.dialect === 'current' ? leaseSetPlan(merged) : undefined;
    if (plan !== undefined) assertPlanFits(plan, this.#offline);
    if (plan !== undefined) this.#leaseSets.prepare(plan);
    await this.#whenUsable(signal);
    const reply = deferred<number>();
    this.#reconfigures.push(reply);
    const forget = (): void => {
      const i = this.#reconfigures.indexOf(reply);
      if (i >= 0) this.#reconfigures.splice(i, 1);
    };
    this.#host.write({ type: 'ReconfigureSession', sessionId: this.#id, config: this.#signConfig(merged) }).catch((error: unknown) => {
      forget();
      reply.reject(error);
    });
    const status = await raceSignal(reply.promise, signal, forget);
    if (status !== SessionStatusCode.Updated) throw new SessionError(status, 'the router refused the new session options');
    this.#userOptions = merged;
    if (plan !== undefined) this.#plan = plan;
  }

  /** Tells the router about abuse by a peer (2003 ReportAbuse; current routers ignore it). */
  async reportAbuse(report: AbuseReport, options: SignalOptions = {}): Promise<void> {
    checkByte('severity', report.severity);
    this.#assertNotClosed();
    await this.#whenUsable(options.signal);
    const message: ReportAbuseMessage = { type: 'ReportAbuse', sessionId: this.#id, ...report };
    await raceSignal(this.#host.write(message), options.signal);
  }

  /**
   * Destroys the session at the router and ends it here: pending sends reject with SESSION_CLOSED,
   * iterators finish. Waits at most 5 s for the router's confirmation (SessionStatus Destroyed, a
   * Disconnect or EOF), except for a current-dialect subsession, which routers destroy without a
   * reply. Closing a current-dialect primary session (the connection's first) ends its subsessions
   * too, as the router does. Idempotent.
   */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    if (this.#state === 'open') {
      const message = this.destroyMessage();
      if (!this.#host.destroying(this)) {
        await this.#host.write(message).catch(() => undefined);
      } else {
        const reply = deferred<undefined>();
        this.#destroyReply = reply;
        const timer = setTimeout(() => {
          reply.resolve(undefined);
        }, DESTROY_REPLY_MS);
        this.#host.write(message).catch(() => {
          reply.resolve(undefined);
        });
        await reply.promise;
        clearTimeout(timer);
      }
    }
    this.end(undefined);
  }

  // ------------------------------------------------------------------ connection-facing (internal)

  /** @internal The CreateSession message for the current link. */
  createMessage(): Message {
    return { type: 'CreateSession', config: this.#signConfig(this.#userOptions) };
  }

  /** @internal DestroySession for this session (2003 carries the signed SessionConfig too). */
  destroyMessage(): Message {
    return this.#host.dialect === '2003'
      ? { type: 'DestroySession', sessionId: this.#id, config: this.#signConfig(this.#userOptions) }
      : { type: 'DestroySession', sessionId: this.#id };
  }

  /** @internal The router created (or, 2003, resumed) the session under `id`. */
  attached(id: number, resumed: boolean): void {
    this.#id = id;
    if (!resumed) {
      // A new session: its MessageIds start over and mean other messages.
      this.#epoch++;
      this.#live.clear();
      this.#ended.clear();
    }
    // 2003 sends the router never acknowledged go out again in their original order, whether it
    // resumed the session or (after its timeout) made a new one; their statuses match them by order.
    for (const p of this.#awaitingAccept) this.#host.write({ ...p.message, sessionId: id }).catch(() => undefined);
    // A resumed session kept its lease set at the router.
    if (resumed) this.#markOpen();
  }

  /** @internal Resolves once the first lease-set request since attached() was answered. */
  leaseSetAnswered(): Promise<undefined> {
    return this.#leaseSetAnswered.promise;
  }

  /** @internal The link dropped. With `willResume`, the session waits for the connection to come back. */
  linkLost(error: I2cpError, willResume: boolean): void {
    if (this.#state === 'closed') return;
    if (this.#destroyReply !== undefined) {
      // A router may close the socket right after destroying the session: that is close() succeeding.
      this.end(undefined);
      return;
    }
    if (!willResume) {
      this.end(error);
      return;
    }
    const lost = new I2cpError('DISCONNECTED', 'the connection to the router dropped before the final status', { cause: error });
    // A current router forgets the session with its socket: every status still due is lost.
    for (const p of this.#byNonce.values()) p.result.reject(lost);
    this.#byNonce.clear();
    // 2003: the router keeps accepted messages; their final status will not come on a new link.
    for (const [messageId, p] of this.#byMessageId) {
      p.result.resolve({ status: 1, name: messageStatusName(1), success: true, final: false, messageId });
    }
    this.#byMessageId.clear();
    if (this.#host.dialect === 'current') {
      for (const p of this.#awaitingAccept) p.result.reject(lost);
      this.#awaitingAccept.length = 0;
    }
    for (const r of this.#reconfigures.splice(0)) r.reject(lost);
    this.#announced.clear();
    this.#leaseSetAnswered.reject(lost);
    this.#leaseSetAnswered = deferred();
    if (this.#state === 'open') {
      this.#state = 'suspended';
      this.#usable = deferred();
    }
  }

  /**
   * @internal Ends the session for good: everything pending settles, iterators finish.
   * `why` replaces "the session was closed" in the SESSION_CLOSED error of pending calls.
   */
  end(error: I2cpError | undefined, why = 'the session was closed'): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    const closedError = new I2cpError('SESSION_CLOSED', error === undefined ? why : `the session ended: ${error.message}`, {
      cause: error,
    });
    for (const p of this.#byNonce.values()) p.result.reject(closedError);
    for (const p of this.#awaitingAccept) p.result.reject(closedError);
    for (const p of this.#byMessageId.values()) p.result.reject(closedError);
    this.#byNonce.clear();
    this.#awaitingAccept.length = 0;
    this.#byMessageId.clear();
    for (const r of this.#reconfigures.splice(0)) r.reject(closedError);
    this.#destroyReply?.resolve(undefined);
    this.#leaseSetAnswered.reject(closedError);
    this.#usable.reject(closedError);
    for (const s of this.#subscribers) s.queue.end(error);
    this.#backlog.end();
    this.#abuse.end();
    try {
      this.#format.close();
    } catch (e) {
      this.#host.logger.warn('could not save the end-to-end state', { session: this.#id, error: String(e) });
    }
    this.#host.sessionEnded(this, error);
    this.#resolveClosed(error);
  }

  /** @internal Dispatch of the messages the connection routed to this session. */
  handle(message: SessionMessage): void {
    switch (message.type) {
      case 'RequestVariableLeaseSet':
      case 'RequestLeaseSet':
        this.#answerLeaseSet(message);
        return;
      case 'MessageStatus':
        this.#onMessageStatus(message);
        return;
      case 'MessagePayload':
        this.#onPayload(message);
        return;
      case 'SessionStatus':
        this.#onSessionStatus(message.status);
        return;
      case 'ReportAbuse':
        this.#host.logger.warn('router reported abuse', { session: this.#id, severity: message.severity, reason: message.reason });
        this.#abuse.push({ severity: message.severity, reason: message.reason, messageId: message.messageId });
    }
  }

  /** @internal True while a reconfigure waits for its SessionStatus (it then owns Invalid replies). */
  expectsStatus(): boolean {
    return this.#reconfigures.length > 0 || this.#destroyReply !== undefined;
  }

  // ------------------------------------------------------------------ internals

  #signConfig(options: Mapping): SessionConfig {
    const wire = new Map(options);
    if (this.#host.dialect === 'current') {
      // Without it a Java router announces every message and waits for ReceiveMessageBegin.
      wire.set(FAST_RECEIVE, 'true');
      const plan = leaseSetPlan(wire);
      wire.set('i2cp.leaseSetType', String(plan.type));
      wire.set('i2cp.leaseSetEncType', plan.encTypes.join(','));
      const reliability = wire.get('i2cp.messageReliability');
      // i2pd compares this value case-sensitively with "none".
      if (reliability?.toLowerCase() === 'none') wire.set('i2cp.messageReliability', 'none');
    }
    const date = this.#host.dialect === 'current' ? this.#host.routerNow() : undefined;
    const offline = this.#offline;
    if (offline !== undefined && date !== undefined) {
      const expires = offline.offlineSignature.expiresSeconds * 1000;
      // The router would end the whole connection (Java: "Offline signature for tunnel expired").
      if (expires < date) throw new I2cpError('BAD_KEY', `the offline signature expired at ${new Date(expires).toISOString()} (router clock)`);
      for (const [k, v] of offlineSignatureOptions(offline.offlineSignature)) wire.set(k, v);
    }
    return signSessionConfig(
      date === undefined ? { destination: this.destination, options: wire } : { destination: this.destination, options: wire, date },
      offline?.transientSigningPrivateKey ?? destinationSigner(this.#keys, 'a SessionConfig without offline keys'),
      this.#host.dialect,
    );
  }

  #assertNotClosed(): void {
    if (this.#state === 'closed') throw new I2cpError('SESSION_CLOSED', 'the session is closed');
  }

  #markOpen(): void {
    if (this.#state === 'closed') return;
    this.#state = 'open';
    this.#usable.resolve(undefined);
  }

  async #whenUsable(signal: AbortSignal | undefined): Promise<void> {
    this.#assertNotClosed();
    if (this.#state !== 'open') await raceSignal(this.#usable.promise, signal);
  }

  async #resolve(key: RecipientKey, signal: AbortSignal | undefined): Promise<Destination> {
    if (key.kind === 'destination') return key.destination;
    const cacheKey = key.kind === 'hostname' ? key.hostname.toLowerCase() : `#${toHex(key.hash)}`;
    const cached = this.#names.get(cacheKey);
    if (cached !== undefined && cached.until > Date.now()) return cached.destination;
    await this.#whenUsable(signal);
    const destination = await this.#host.lookup(this.#id, key, signal);
    if (this.#names.size >= NAME_CACHE_MAX) this.#names.delete(this.#names.keys().next().value!);
    this.#names.set(cacheKey, { destination, until: Date.now() + NAME_CACHE_MS });
    return destination;
  }

  async #sendCurrent(
    destination: Destination,
    payload: Uint8Array,
    fireAndForget: boolean,
    expires: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SendResult> {
    const nonce = fireAndForget ? 0 : this.#host.nextNonce();
    const message: SendMessageMessage | SendMessageExpiresMessage =
      expires === undefined
        ? { type: 'SendMessage', sessionId: this.#id, destination, payload, nonce }
        : {
            type: 'SendMessageExpires',
            sessionId: this.#id,
            destination,
            payload,
            nonce,
            flags: 0,
            // The router compares against its own clock.
            expiration: Math.max(1, expires + (this.#host.routerNow() - Date.now())),
          };
    if (fireAndForget) {
      await raceSignal(this.#host.write(message), signal);
      return { status: undefined, name: 'Sent', success: true, final: true, messageId: undefined };
    }
    const pending: PendingSend = {
      result: deferred(),
      message: { type: 'SendMessage', sessionId: this.#id, destination, payload, nonce },
      abandoned: false,
      accepted: false,
      messageId: undefined,
    };
    this.#byNonce.set(nonce, pending);
    this.#host.write(message).catch((error: unknown) => {
      if (this.#byNonce.delete(nonce)) pending.result.reject(error);
    });
    return raceSignal(pending.result.promise, signal, () => this.#byNonce.delete(nonce));
  }

  /**
   * The 2003 router answers every SendMessage with "accepted" and then a final status, whatever the
   * reliability: the status is followed even when the caller does not wait for it (`reliability:
   * 'none'`), because the session tags the message carries become usable only on a final success
   * (2 queued best effort, 4 guaranteed). A failure, a dropped link or a closed session leaves them
   * unused, so no later message is sealed with tags the recipient may lack.
   */
  async #send2003(destination: Destination, encoded: EncodedPayload, fireAndForget: boolean, signal: AbortSignal | undefined): Promise<SendResult> {
    const message: SendMessageMessage = { type: 'SendMessage', sessionId: this.#id, destination, payload: encoded.bytes };
    const pending: PendingSend = { result: deferred(), message, abandoned: false, accepted: false, messageId: undefined };
    pending.result.promise.then(
      (result) => {
        encoded.settle(result.final && result.success && result.status !== undefined);
      },
      () => {
        encoded.settle(false);
      },
    );
    // The router answers every SendMessage with "accepted" in order; that is how statuses are matched.
    this.#awaitingAccept.push(pending);
    const written = this.#host.write(message);
    if (fireAndForget) {
      await raceSignal(written, signal);
      return { status: undefined, name: 'Sent', success: true, final: true, messageId: undefined };
    }
    written.catch((error: unknown) => {
      // Kept for resending when the session resumes; otherwise end() rejects it.
      this.#host.logger.debug('send not written', { error: String(error) });
    });
    return raceSignal(pending.result.promise, signal, () => {
      const i = this.#awaitingAccept.indexOf(pending);
      // An unaccepted send must stay in the queue to match its status; it is just no longer reported.
      if (i >= 0) this.#awaitingAccept[i] = { ...pending, abandoned: true };
      if (pending.messageId !== undefined) this.#byMessageId.delete(pending.messageId);
    });
  }

  #answerLeaseSet(request: RequestVariableLeaseSetMessage | RequestLeaseSetMessage | RequestLeaseSet2003Message): void {
    if (this.#state === 'closed') return;
    let reply: Message;
    try {
      if (request.type === 'RequestLeaseSet' && request.dialect === '2003') reply = this.#leaseSets.draft2003(request);
      else {
        const leases =
          request.type === 'RequestVariableLeaseSet'
            ? request.leases
            : request.tunnels.map((t) => ({ gateway: t.gateway, tunnelId: t.tunnelId, endDate: request.endDate }));
        this.#plan ??= leaseSetPlan(this.#userOptions);
        reply = this.#leaseSets.current(this.#id, leases, this.#plan, this.#host.routerNow());
      }
    } catch (error) {
      this.#host.logger.error('cannot build the lease set', { session: this.#id, error: String(error) });
      return;
    }
    this.#host.write(reply).then(
      () => {
        this.#leaseSetAnswered.resolve(undefined);
        this.#markOpen();
      },
      (error: unknown) => {
        this.#host.logger.warn('lease set not written', { session: this.#id, error: String(error) });
      },
    );
  }

  #onSessionStatus(status: number): void {
    if (status === SessionStatusCode.Destroyed) {
      if (this.#destroyReply !== undefined) this.#destroyReply.resolve(undefined);
      else this.end(new I2cpError('SESSION_CLOSED', 'the router destroyed the session'));
      return;
    }
    const reconfigure = this.#reconfigures.shift();
    if (reconfigure !== undefined) reconfigure.resolve(status);
    else this.#host.logger.warn('unexpected SessionStatus', { session: this.#id, status });
  }

  #onMessageStatus(m: MessageStatusMessage): void {
    if (m.status === 0) {
      // "Available": the router holds the message until we fetch it (2003; Java without fastReceive).
      // Announced again after a reconnect: one we have is not fetched twice, one we ended is ended again.
      if (this.#ended.has(m.messageId)) this.#writeEnd(m.messageId).catch(() => undefined);
      else if (!this.#live.has(m.messageId) && !this.#announced.has(m.messageId)) {
        this.#announced.add(m.messageId);
        this.#host.write({ type: 'ReceiveMessageBegin', sessionId: this.#id, messageId: m.messageId }).catch(() => undefined);
      }
      return;
    }
    if (this.#host.dialect === 'current') {
      const pending = this.#byNonce.get(m.nonce ?? 0);
      if (pending === undefined) return;
      if (!isFinalStatus(m.status)) {
        pending.accepted = true;
        pending.messageId = m.messageId;
        return;
      }
      this.#byNonce.delete(m.nonce ?? 0);
      pending.result.resolve(resultOf(m));
      return;
    }
    if (!isFinalStatus(m.status)) {
      const pending = this.#awaitingAccept.shift();
      if (pending === undefined) return;
      pending.accepted = true;
      pending.messageId = m.messageId;
      if (!pending.abandoned) this.#byMessageId.set(m.messageId, pending);
      return;
    }
    let pending = this.#byMessageId.get(m.messageId);
    if (pending !== undefined) this.#byMessageId.delete(m.messageId);
    else {
      // A router may skip "accepted" and report the final status at once.
      const head = this.#awaitingAccept[0];
      if (head === undefined) return;
      this.#awaitingAccept.shift();
      if (head.abandoned) return;
      pending = head;
    }
    pending.result.resolve(resultOf(m));
  }

  #onPayload(m: MessagePayloadMessage): void {
    const held = this.#announced.delete(m.messageId);
    if (held && this.#live.has(m.messageId)) return;
    let payload: DecodedPayload;
    try {
      payload = this.#format.decode(m.payload);
    } catch (error) {
      // Never ended: the router keeps it, and a resumed session (with the state that can read it) gets it again.
      this.#rejected++;
      this.#host.logger.warn('dropped an unreadable payload', { session: this.#id, messageId: m.messageId, error: String(error) });
      return;
    }
    const { data, protocol, fromPort, toPort, sender, senderHash, datagramOptions } = payload;
    const { messageId } = m;
    // One object shape for plain messages (the hot path); datagram senders and options only when present.
    const received: ReceivedMessage =
      sender === undefined && senderHash === undefined && datagramOptions === undefined
        ? { payload: data, protocol, fromPort, toPort, messageId }
        : {
            payload: data,
            protocol,
            fromPort,
            toPort,
            messageId,
            ...(sender === undefined ? {} : { sender }),
            ...(senderHash === undefined ? {} : { senderHash }),
            ...(datagramOptions === undefined ? {} : { datagramOptions }),
          };
    // Nothing to end or to give back later: handing it out is all (the current dialect with fast receive).
    if (!held && payload.stateless === true) {
      this.#deliver(received);
      return;
    }
    const inbound: Inbound = { messageId: m.messageId, held, epoch: this.#epoch, payload, copies: 0, done: false };
    this.#inbound.set(received, inbound);
    if (held) this.#live.set(m.messageId, inbound);
    inbound.copies = this.#deliver(received);
    if (inbound.copies === 0) this.#dropped(received, true);
  }

  /** Pushes to every matching consumer, else to the backlog; returns how many queues took it. */
  #deliver(message: ReceivedMessage): number {
    let taken = 0;
    for (const s of this.#subscribers) {
      if (matches(s, message) && s.queue.push(message)) taken++;
    }
    if (taken === 0 && this.#backlog.push(message)) taken++;
    return taken;
  }

  /** A consumer is done with the message: it is the application's now, so the router may forget it. */
  #consumed(m: ReceivedMessage): void {
    const inbound = this.#inbound.get(m);
    if (inbound === undefined || inbound.done) return;
    inbound.done = true;
    if (this.#live.get(inbound.messageId) === inbound) this.#live.delete(inbound.messageId);
    const end = (): Promise<void> => {
      if (!inbound.held || inbound.epoch !== this.#epoch) return Promise.resolve();
      this.#ended.add(inbound.messageId);
      if (this.#ended.size > ENDED_MEMORY) this.#ended.delete(this.#ended.values().next().value!);
      return this.#writeEnd(inbound.messageId);
    };
    try {
      inbound.payload.accept(end);
    } catch (error) {
      // The message is delivered; only a resume in another process may now miss tags it brought.
      this.#host.logger.warn('could not save the end-to-end state', { session: this.#id, error: String(error) });
    }
  }

  /** A queue let go of the message unread. Once no queue has it, it stays with the router (not ended). */
  #dropped(m: ReceivedMessage, nowhere = false): void {
    const inbound = this.#inbound.get(m);
    if (inbound === undefined || inbound.done) return;
    if (!nowhere && --inbound.copies > 0) return;
    inbound.done = true;
    if (this.#live.get(inbound.messageId) === inbound) this.#live.delete(inbound.messageId);
    inbound.payload.discard();
    if (inbound.held) this.#host.logger.debug('message left with the router (no room to buffer it)', { session: this.#id, messageId: inbound.messageId });
  }

  /** Settles once the End is handed to the socket; rejects when the link is gone. */
  #writeEnd(messageId: number): Promise<void> {
    return this.#host.write({ type: 'ReceiveMessageEnd', sessionId: this.#id, messageId });
  }
}

function matches(s: Subscriber, m: ReceivedMessage): boolean {
  return (s.protocol === undefined || s.protocol === m.protocol) && (s.port === undefined || s.port === m.toPort);
}

function resultOf(m: MessageStatusMessage): SendResult {
  return { status: m.status, name: messageStatusName(m.status), success: isSuccessStatus(m.status), final: true, messageId: m.messageId };
}

function checkPort(what: string, port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`${what} must be an integer 0-65535, got ${port}`);
  return port;
}

function checkByte(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`${what} must be an integer 0-255, got ${value}`);
  return value;
}

/** Session options as a Mapping, from a plain object or a Map. */
export function toMapping(options: Readonly<Record<string, string>> | Mapping | undefined): Mapping {
  if (options === undefined) return new Map();
  if (options instanceof Map) return new Map(options as Mapping);
  return mappingFrom(options as Readonly<Record<string, string>>);
}
