import {
  I2cpError,
  toI2cpError,
  type BandwidthLimits2003,
  type I2cpErrorCode,
  type RouterInfo2003,
} from '@i2cp/data';
import { decodeMessage, encodeMessage, FrameDecoder, type Message, type MessageName } from '@i2cp/codec';
import { raceAbort, withTimeout } from './abort.js';
import { checkAuthenticationKey, keyOfCredential } from './auth-key.js';
import { connectTcp, type Transport } from './transport.js';

/** The reason the router stub gives when a key does not match (any other reason is DISCONNECTED). */
const AUTH_FAILED_REASON = 'authentication failed';
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DIALECT = '2003';

interface ConnectBase {
  /** Default 127.0.0.1. Ignored with `transport`. */
  readonly host?: string;
  /** Default 7654. Ignored with `transport`. */
  readonly port?: number;
  /** An already open byte stream (for example the router stub's `connectMemory()`), instead of TCP. */
  readonly transport?: Transport;
  /** Aborts connecting. */
  readonly signal?: AbortSignal;
  /** Bound on every request's wait for its reply, in ms (0 = none). Default 30 000. */
  readonly requestTimeoutMs?: number;
}

export type AdminConnectOptions = ConnectBase &
  (
    | { readonly passphrase: string; readonly authenticationKey?: never }
    | { readonly authenticationKey: Uint8Array; readonly passphrase?: never }
  );

export interface AdminRequestOptions {
  readonly signal?: AbortSignal;
}

export interface AdminSetOptions extends AdminRequestOptions {
  /**
   * The 2003 draft gives Set* requests no reply. With `confirm`, the call also makes one round
   * trip (see `sync`) and so rejects with AUTH_FAILED or DISCONNECTED if the router refused it.
   */
  readonly confirm?: boolean;
}

/**
 * One connection speaking the 2003 administrative messages (no protocol byte). Every request
 * carries the AuthenticationKey; requests go out in call order and replies are matched by order.
 *
 * Set* requests resolve once written. A router that refuses one (wrong key, invalid peers) sends
 * Disconnect and closes: every pending and later call then rejects with AUTH_FAILED ("authentication
 * failed") or DISCONNECTED (any other reason, quoted in the message), and `closed` resolves with that
 * error. Pass `{ confirm: true }` or call `sync()` to learn the outcome before going on.
 */
export interface AdminClient {
  getBandwidthLimits(options?: AdminRequestOptions): Promise<BandwidthLimits2003>;
  setBandwidthLimits(limits: BandwidthLimits2003, options?: AdminSetOptions): Promise<void>;
  /** SHA-256 hashes of the trusted routers' RouterIdentities. */
  getTrustedRouters(options?: AdminRequestOptions): Promise<Uint8Array[]>;
  setTrustedRouters(hashes: readonly Uint8Array[], options?: AdminSetOptions): Promise<void>;
  /** null is the 2003 Boolean "unknown". */
  getAddressVisibility(options?: AdminRequestOptions): Promise<boolean | null>;
  setAddressVisibility(visible: boolean | null, options?: AdminSetOptions): Promise<void>;
  /** Seconds between address rotations, 0 = never. */
  getAddressRotationPeriod(options?: AdminRequestOptions): Promise<number>;
  setAddressRotationPeriod(seconds: number, options?: AdminSetOptions): Promise<void>;
  /** Rotates now; resolves with the LastAddressRotation the router reports. */
  forceAddressRotation(options?: AdminRequestOptions): Promise<Date>;
  getPeers(options?: AdminRequestOptions): Promise<RouterInfo2003[]>;
  setPeers(peers: readonly RouterInfo2003[], options?: AdminSetOptions): Promise<void>;
  /** Replaces the router's passphrase; later requests on this client use the new key. */
  setPassphrase(
    next: string | { readonly authenticationKey: Uint8Array },
    options?: AdminSetOptions,
  ): Promise<void>;
  /** Resolves once the router has processed every earlier request (one round trip). */
  sync(options?: AdminRequestOptions): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the connection ends: undefined after close(), else the error that ended it. Never rejects. */
  readonly closed: Promise<I2cpError | undefined>;
}

/** Connects to a router (or any Transport) and returns an admin client. */
export async function connectAdmin(options: AdminConnectOptions): Promise<AdminClient> {
  const key = adminKeyOf(options);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new I2cpError('BAD_ARGUMENT', `requestTimeoutMs must be a non-negative number, got ${timeoutMs}`);
  }
  const transport =
    options.transport ?? (await connectTcp(options.host ?? '127.0.0.1', options.port ?? 7654, options.signal));
  return new AdminConnection(transport, key, timeoutMs);
}

function adminKeyOf(options: AdminConnectOptions): Uint8Array {
  const hasPassphrase = options.passphrase !== undefined;
  const hasKey = options.authenticationKey !== undefined;
  if (hasPassphrase === hasKey) {
    throw new I2cpError('BAD_ARGUMENT', 'give exactly one of `passphrase` and `authenticationKey`');
  }
  return options.passphrase !== undefined
    ? keyOfCredential({ passphrase: options.passphrase }, 'authenticationKey')
    : checkAuthenticationKey(options.authenticationKey, 'authenticationKey');
}

type Reply<N extends MessageName> = Extract<Message, { type: N }>;

interface PendingReply {
  readonly expect: MessageName;
  readonly resolve: (message: Message) => void;
  readonly reject: (error: I2cpError) => void;
  /** The caller gave up (abort, timeout); the reply is still consumed to keep the order. */
  abandoned: boolean;
}

class AdminConnection implements AdminClient {
  readonly closed: Promise<I2cpError | undefined>;
  private readonly pending: PendingReply[] = [];
  private readonly decoder = new FrameDecoder();
  private key: Uint8Array;
  private endError: I2cpError | undefined;
  private ended = false;
  private resolveClosed!: (error: I2cpError | undefined) => void;

  private readonly transport: Transport;
  private readonly timeoutMs: number;

  constructor(transport: Transport, key: Uint8Array, timeoutMs: number) {
    this.transport = transport;
    this.key = key;
    this.timeoutMs = timeoutMs;
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
    void this.readLoop();
  }

  async getBandwidthLimits(options?: AdminRequestOptions): Promise<BandwidthLimits2003> {
    const reply = await this.ask({ type: 'GetBandwidthLimits', authenticationKey: this.key }, 'BandwidthLimits', options);
    if (reply.dialect !== DIALECT) throw this.protocolError('a current-dialect BandwidthLimits on a 2003 connection');
    return reply.limits;
  }

  setBandwidthLimits(limits: BandwidthLimits2003, options?: AdminSetOptions): Promise<void> {
    return this.tell({ type: 'SetBandwidthLimits', authenticationKey: this.key, limits }, options);
  }

  async getTrustedRouters(options?: AdminRequestOptions): Promise<Uint8Array[]> {
    const reply = await this.ask({ type: 'GetTrustedRouters', authenticationKey: this.key }, 'TrustedRouters', options);
    return [...reply.routers];
  }

  setTrustedRouters(hashes: readonly Uint8Array[], options?: AdminSetOptions): Promise<void> {
    const bad = hashes.findIndex((h) => h.length !== 32);
    if (bad >= 0) return rejectArgument(`trusted router hash ${bad} is ${hashes[bad]!.length} bytes, not 32`);
    return this.tell({ type: 'SetTrustedRouters', authenticationKey: this.key, routers: hashes }, options);
  }

  async getAddressVisibility(options?: AdminRequestOptions): Promise<boolean | null> {
    const reply = await this.ask({ type: 'GetAddressVisibility', authenticationKey: this.key }, 'AddressVisibility', options);
    return reply.visible;
  }

  setAddressVisibility(visible: boolean | null, options?: AdminSetOptions): Promise<void> {
    return this.tell({ type: 'SetAddressVisibility', authenticationKey: this.key, visible }, options);
  }

  async getAddressRotationPeriod(options?: AdminRequestOptions): Promise<number> {
    const reply = await this.ask(
      { type: 'GetAddressRotationPeriod', authenticationKey: this.key },
      'AddressRotationPeriod',
      options,
    );
    return reply.seconds;
  }

  setAddressRotationPeriod(seconds: number, options?: AdminSetOptions): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff) {
      return rejectArgument(`the rotation period must be an integer from 0 to 65535 seconds, got ${seconds}`);
    }
    return this.tell({ type: 'SetAddressRotationPeriod', authenticationKey: this.key, seconds }, options);
  }

  async forceAddressRotation(options?: AdminRequestOptions): Promise<Date> {
    const reply = await this.ask({ type: 'ForceAddressRotation', authenticationKey: this.key }, 'LastAddressRotation', options);
    return new Date(reply.date);
  }

  async getPeers(options?: AdminRequestOptions): Promise<RouterInfo2003[]> {
    const reply = await this.ask({ type: 'GetPeers', authenticationKey: this.key }, 'Peers', options);
    return [...reply.peers];
  }

  setPeers(peers: readonly RouterInfo2003[], options?: AdminSetOptions): Promise<void> {
    return this.tell({ type: 'SetPeers', authenticationKey: this.key, peers }, options);
  }

  async setPassphrase(next: string | { readonly authenticationKey: Uint8Array }, options?: AdminSetOptions): Promise<void> {
    const newKey = keyOfCredential(typeof next === 'string' ? { passphrase: next } : next, 'the new authenticationKey');
    // tell() encodes with the current key before its first await; the router applies the new key
    // before it reads our next request, which (like confirm's round trip) must carry it.
    const sent = this.tell({ type: 'SetPassword', authenticationKey: this.key, newAuthenticationKey: newKey }, options);
    this.key = newKey;
    await sent;
  }

  async sync(options?: AdminRequestOptions): Promise<void> {
    await this.getAddressVisibility(options);
  }

  close(): Promise<void> {
    this.end(undefined);
    return this.transport.close();
  }

  /** Sends a request that has a reply and waits for that reply. */
  private async ask<N extends MessageName>(message: Message, expect: N, options?: AdminRequestOptions): Promise<Reply<N>> {
    const frame = this.frameOf(message);
    const reply = new Promise<Message>((resolve, reject) => {
      this.pending.push({ expect, resolve, reject, abandoned: false });
    });
    const entry = this.pending.at(-1)!;
    this.transport.write(frame).catch((error: unknown) => {
      this.end(toI2cpError(error, 'DISCONNECTED', 'write failed'));
    });
    try {
      return (await raceAbort(reply, withTimeout(options?.signal, this.timeoutMs), message.type)) as Reply<N>;
    } catch (error) {
      entry.abandoned = true;
      throw error;
    }
  }

  /** Sends a request that has no reply; resolves once written (or after a round trip with `confirm`). */
  private async tell(message: Message, options?: AdminSetOptions): Promise<void> {
    const frame = this.frameOf(message);
    await raceAbort(this.transport.write(frame), options?.signal, message.type).catch((error: unknown) => {
      throw this.endError ?? toI2cpError(error, 'DISCONNECTED', 'write failed');
    });
    if (options?.confirm === true) await this.sync(options);
  }

  private frameOf(message: Message): Uint8Array {
    if (this.ended) throw this.endError ?? new I2cpError('CLOSED', 'the admin client is closed');
    return encodeMessage(message, DIALECT);
  }

  private async readLoop(): Promise<void> {
    try {
      for await (const chunk of this.transport) {
        for (const frame of this.decoder.push(chunk)) {
          this.dispatch(decodeMessage(frame, DIALECT));
          if (this.ended) return;
        }
      }
      this.end(new I2cpError('DISCONNECTED', 'the router closed the connection'));
    } catch (error) {
      this.end(toI2cpError(error, 'PROTOCOL', 'cannot read from the router'));
    }
  }

  private dispatch(message: Message): void {
    if (message.type === 'Disconnect') {
      const code: I2cpErrorCode = message.reason === AUTH_FAILED_REASON ? 'AUTH_FAILED' : 'DISCONNECTED';
      this.end(new I2cpError(code, `the router disconnected: ${message.reason}`));
      return;
    }
    const head = this.pending[0];
    if (head?.expect !== message.type) {
      this.end(this.protocolError(`unexpected ${message.type} from the router (waiting for ${head?.expect ?? 'nothing'})`));
      return;
    }
    this.pending.shift();
    if (!head.abandoned) head.resolve(message);
  }

  private protocolError(text: string): I2cpError {
    return new I2cpError('PROTOCOL', text);
  }

  /** Ends the connection once: rejects what waits, closes the transport, settles `closed`. */
  private end(error: I2cpError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.endError = error;
    const rejection = error ?? new I2cpError('CLOSED', 'the admin client was closed');
    for (const entry of this.pending.splice(0)) entry.reject(rejection);
    if (error !== undefined) void this.transport.close();
    this.resolveClosed(error);
  }
}

function rejectArgument(message: string): Promise<never> {
  return Promise.reject(new I2cpError('BAD_ARGUMENT', message));
}
