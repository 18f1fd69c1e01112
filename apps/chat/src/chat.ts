import { Protocol, connect } from '@i2cp/client';
import type { ConnectOptions, Connection, ReceivedMessage, Session } from '@i2cp/client';
import { I2cpError, SigType, b32Address, destinationFromBytes, fromBase64, generateDestination, isI2cpError, parseB32Address, toBase64 } from '@i2cp/data';
import type { Destination, DestinationKeys, Dialect } from '@i2cp/data';
import { MAX_TEXT_CHARS, decodeChatPayload, encodeChatPayload } from './wire.js';

/** Someone this chat can write to: a Destination learnt from a signed message or /add, or an address for the router to resolve. */
export interface Peer {
  readonly name: string;
  readonly to: Destination | string;
  /** Short form of the address, once known. */
  readonly b32: string | undefined;
  readonly source: 'added' | 'seen';
}

export type DeliveryState = 'sending' | 'delivered' | 'failed';

export interface Outgoing {
  readonly kind: 'out';
  readonly id: number;
  readonly at: Date;
  readonly to: string;
  readonly text: string;
  state: DeliveryState;
  /** The router's status name ("LocalSuccess", "NoLeaseSet", …) or the error code when it never got that far. */
  status: string | undefined;
  /** Why it failed, for a person. */
  reason: string | undefined;
  attempts: number;
}

export interface Incoming {
  readonly kind: 'in';
  readonly at: Date;
  /** The name the sender gives itself. */
  readonly name: string;
  /** Short b32 of the sender when the router verified its signature (repliable datagram), else undefined. */
  readonly verified: string | undefined;
  readonly text: string;
}

export type HistoryEntry = Outgoing | Incoming;

export type ChatEvent =
  | { readonly kind: 'sent'; readonly message: Outgoing }
  | { readonly kind: 'status'; readonly message: Outgoing }
  | { readonly kind: 'received'; readonly message: Incoming }
  | { readonly kind: 'notice'; readonly text: string }
  | { readonly kind: 'closed'; readonly error: I2cpError };

export interface ChatOptions {
  readonly name: string;
  readonly dialect: Dialect;
  /** Where the router is: host/port, or a transport (the embedded stub's connectMemory). */
  readonly connect: Pick<ConnectOptions, 'host' | 'port' | 'transport'>;
  /** Keys of the destination; fresh ones when absent. */
  readonly keys?: DestinationKeys;
  readonly onEvent: (event: ChatEvent) => void;
  readonly signal?: AbortSignal;
  /** A chat whose router went away: its peers, history and current peer carry over (give the same keys to keep the address). */
  readonly previous?: Chat;
}

/** "abcd…wxyz.b32": enough to tell destinations apart at a glance. */
export function shortB32(destination: Destination | Uint8Array): string {
  const full = b32Address(destination);
  return `${full.slice(0, 6)}…${full.slice(46, 52)}`;
}

const looksLikeB32 = (s: string): boolean => /\.b32\.i2p$/i.test(s);
const looksLikeBase64Destination = (s: string): boolean => s.length >= 516 && /^[A-Za-z0-9~=-]+$/.test(s);

/**
 * One chat participant: a session on a router, the peers it knows, and the history of this run.
 * Every message goes as a repliable datagram (protocol 17) in the current dialect, so the receiver
 * sees who really sent it; a failed message stays in the history for /retry.
 */
export class Chat {
  readonly name: string;
  readonly dialect: Dialect;
  readonly address: string;
  readonly destination: Destination;
  readonly peers = new Map<string, Peer>();
  readonly history: HistoryEntry[] = [];
  /** Who plain text goes to: the last /msg target, else the last one who wrote. */
  current: string | undefined;

  readonly #connection: Connection;
  readonly #session: Session;
  readonly #onEvent: (event: ChatEvent) => void;
  readonly #stop = new AbortController();
  readonly #inFlight = new Map<Outgoing, Promise<Outgoing>>();
  #nextId = 1;

  private constructor(name: string, dialect: Dialect, connection: Connection, session: Session, onEvent: (event: ChatEvent) => void) {
    this.name = name;
    this.dialect = dialect;
    this.#connection = connection;
    this.#session = session;
    this.#onEvent = onEvent;
    this.destination = session.destination;
    this.address = b32Address(session.destination);
  }

  /** Connects, creates the session (registering `name` with a router stub) and starts receiving. */
  static async open(options: ChatOptions): Promise<Chat> {
    const { name, dialect, signal } = options;
    const keys =
      options.keys ??
      generateDestination({ sigType: dialect === '2003' ? SigType.DSA_SHA1 : SigType.EdDSA_SHA512_Ed25519, encType: 0 });
    const connection = await connect({ ...options.connect, dialect, ...(signal ? { signal } : {}) });
    try {
      // The router stub resolves this name for everyone; real routers ignore the option.
      const session = await connection.createSession({ keys, options: { 'i2cp.stub.hostname': name }, ...(signal ? { signal } : {}) });
      const chat = new Chat(name, dialect, connection, session, options.onEvent);
      if (options.previous !== undefined) chat.#carryOver(options.previous);
      void chat.#receive();
      void session.closed.then((error) => {
        // Undefined means this chat closed it: nothing to tell.
        if (error !== undefined) chat.#onEvent({ kind: 'closed', error });
      });
      return chat;
    } catch (e) {
      await connection.close();
      throw e;
    }
  }

  #carryOver(previous: Chat): void {
    for (const [key, peer] of previous.peers) this.peers.set(key, peer);
    this.history.push(...previous.history);
    this.current = previous.current;
    this.#nextId = previous.#nextId;
  }

  /** /add: a name for a .b32.i2p address or a base64 Destination. */
  add(name: string, address: string): Peer {
    let peer: Peer;
    if (looksLikeB32(address)) {
      peer = { name, to: address.toLowerCase(), b32: shortB32(parseB32Address(address)), source: 'added' };
    } else {
      const destination = destinationFromBytes(fromBase64(address));
      peer = { name, to: destination, b32: shortB32(destination), source: 'added' };
    }
    this.peers.set(name.toLowerCase(), peer);
    return peer;
  }

  /** Starts sending; the outcome arrives as a 'status' event and in the message's state. */
  send(to: string, text: string): Outgoing {
    if (text.length > MAX_TEXT_CHARS) throw new RangeError(`a message is at most ${MAX_TEXT_CHARS} characters`);
    const message: Outgoing = { kind: 'out', id: this.#nextId++, at: new Date(), to, text, state: 'sending', status: undefined, reason: undefined, attempts: 0 };
    this.history.push(message);
    this.current = to;
    this.#onEvent({ kind: 'sent', message });
    this.#start(message);
    return message;
  }

  /** Resolves once the message has its tick (delivered or failed). */
  settled(message: Outgoing): Promise<Outgoing> {
    return this.#inFlight.get(message) ?? Promise.resolve(message);
  }

  /** Sends every failed message again, in the order they were first written. */
  retry(): Outgoing[] {
    const failed = this.history.filter((m): m is Outgoing => m.kind === 'out' && m.state === 'failed');
    for (const m of failed) {
      m.state = 'sending';
      this.#onEvent({ kind: 'sent', message: m });
      this.#start(m);
    }
    return failed;
  }

  /** Resolves once every message in flight has its tick, or after `ms` (so quitting shows how sends ended). */
  async idle(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.#inFlight.values()),
      new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    this.#stop.abort();
    await this.#connection.close();
  }

  #start(message: Outgoing): void {
    const done = this.#deliver(message).then(() => {
      this.#inFlight.delete(message);
      return message;
    });
    this.#inFlight.set(message, done);
  }

  async #deliver(message: Outgoing): Promise<void> {
    message.attempts++;
    const peer = this.peers.get(message.to.toLowerCase());
    const target: Destination | string = peer?.to ?? message.to;
    try {
      if (typeof target === 'string' && !looksLikeB32(target) && !looksLikeBase64Destination(target) && this.dialect === '2003') {
        throw new I2cpError('LOOKUP_FAILED', 'the 2003 dialect has no name lookups: /add NAME with the base64 destination first');
      }
      const payload = encodeChatPayload({ name: this.name, text: message.text, ...(this.dialect === '2003' ? { destination: toBase64(this.#session.destination.bytes) } : {}) });
      const result = await this.#session.send(target, payload, this.dialect === 'current' ? { protocol: Protocol.RepliableDatagram } : {});
      message.status = result.name;
      message.state = result.success ? 'delivered' : 'failed';
      message.reason = result.success ? undefined : result.final ? result.name : 'the connection dropped before the router reported its fate';
    } catch (e) {
      message.state = 'failed';
      message.status = isI2cpError(e) ? e.code : 'ERROR';
      message.reason = e instanceof Error ? e.message : String(e);
    }
    this.#onEvent({ kind: 'status', message });
  }

  async #receive(): Promise<void> {
    try {
      for await (const m of this.#session.messages({ signal: this.#stop.signal })) this.#accept(m);
    } catch {
      // The session ended or we stopped: 'closed' reports it.
    }
  }

  #accept(m: ReceivedMessage): void {
    const payload = decodeChatPayload(m.payload);
    if (payload === undefined) {
      this.#onEvent({ kind: 'notice', text: `ignored ${m.payload.length} bytes that are not a chat message${m.sender ? ` from ${shortB32(m.sender)}` : ''}` });
      return;
    }
    const verified = m.sender === undefined ? undefined : shortB32(m.sender);
    const key = payload.name.toLowerCase();
    const known = this.peers.get(key);
    const replyTo = m.sender ?? (payload.destination !== undefined ? tryDestination(payload.destination) : undefined);
    if (known === undefined && replyTo !== undefined) {
      this.peers.set(key, { name: payload.name, to: replyTo, b32: shortB32(replyTo), source: 'seen' });
    } else if (known !== undefined && verified !== undefined && known.b32 !== undefined && known.b32 !== verified) {
      this.#onEvent({ kind: 'notice', text: `careful: this '${payload.name}' (${verified}) is not the ${payload.name} you know (${known.b32})` });
    }
    this.current ??= payload.name;
    const message: Incoming = { kind: 'in', at: new Date(), name: payload.name, verified, text: payload.text };
    this.history.push(message);
    this.#onEvent({ kind: 'received', message });
  }
}

function tryDestination(base64: string): Destination | undefined {
  try {
    return destinationFromBytes(fromBase64(base64));
  } catch {
    return undefined;
  }
}
