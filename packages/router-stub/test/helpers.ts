/**
 * Test helpers: a RawClient that speaks frames (built with @i2cp/codec) over TCP or the in-memory
 * transport, with a timeout on every wait, and key/session helpers built with @i2cp/data.
 */
import { connect as tcpConnect } from 'node:net';
import type { Socket } from 'node:net';
import {
  generateDestination,
  generateEncryptionKeys,
  mappingFrom,
  signLeaseSet,
  signLeaseSet2,
  signLeaseSet2003,
  signSessionConfig,
} from '@i2cp/data';
import type { DestinationKeys, Dialect, PrivateKey, PublicKey } from '@i2cp/data';
import { FrameDecoder, PROTOCOL_BYTE, decodeMessage, encodeMessage } from '@i2cp/codec';
import type { Message, MessageName } from '@i2cp/codec';
import { createLogger, createRouterStub } from '../src/index.js';
import type { LogRecord, RouterStub, RouterStubOptions, Transport } from '../src/index.js';

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

const DEFAULT_WAIT_MS = 5000;

interface ByteStream {
  write(bytes: Uint8Array): void;
  close(): void;
}

export class RawClient {
  readonly dialect: Dialect;
  /** Resolves when the router closed the stream (or it failed). */
  readonly closed: Promise<void>;
  private readonly stream: ByteStream;
  private readonly decoder = new FrameDecoder({ maxMessageBytes: 1 << 20 });
  private readonly inbox: Message[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;
  private error: unknown;

  private constructor(dialect: Dialect, stream: ByteStream, closed: Promise<void>) {
    this.dialect = dialect;
    this.stream = stream;
    this.closed = closed.then(() => {
      this.ended = true;
      this.wake();
    });
  }

  /** Connects over TCP; in the current dialect it sends the protocol byte first unless told not to. */
  static async tcp(port: number, dialect: Dialect, options: { protocolByte?: boolean } = {}): Promise<RawClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = tcpConnect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
      s.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', ignore);
    const client = new RawClient(dialect, { write: (b) => socket.write(b), close: () => socket.destroy() }, closed);
    socket.on('data', (chunk: Buffer) => client.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    if (dialect === 'current' && options.protocolByte !== false) client.write(Uint8Array.of(PROTOCOL_BYTE));
    return client;
  }

  static memory(stub: RouterStub, dialect: Dialect): RawClient {
    const transport: Transport = stub.connectMemory();
    // eslint-disable-next-line prefer-const -- the reader below needs the client that is built from its promise
    let client!: RawClient;
    const closed = (async () => {
      try {
        for await (const chunk of transport) client.receive(chunk);
      } catch {
        // closed
      }
    })();
    client = new RawClient(dialect, { write: (b) => void transport.write(b).catch(ignore), close: () => void transport.close() }, closed);
    if (dialect === 'current') client.write(Uint8Array.of(PROTOCOL_BYTE));
    return client;
  }

  write(bytes: Uint8Array): void {
    this.stream.write(bytes);
  }

  send(message: Message): void {
    this.write(encodeMessage(message, this.dialect));
  }

  close(): void {
    this.stream.close();
  }

  get pending(): readonly Message[] {
    return this.inbox;
  }

  /** The next message, or a rejection after `ms`. */
  async next(ms = DEFAULT_WAIT_MS): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = this.inbox.shift();
      if (m !== undefined) return m;
      if (this.error !== undefined) throw this.error instanceof Error ? this.error : new Error('decoding failed');
      if (this.ended) throw new Error('connection closed while waiting for a message');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** The next message, which must be of this type. */
  async expect<T extends MessageName>(type: T, ms = DEFAULT_WAIT_MS): Promise<MessageOf<T>> {
    const m = await this.next(ms);
    if (m.type !== type) throw new Error(`expected ${type}, got ${m.type}: ${JSON.stringify(summary(m))}`);
    return m as MessageOf<T>;
  }

  /** Waits for a message matching `accept`, removes it from the inbox and leaves the others in order. */
  async take(accept: (m: Message) => boolean, ms = DEFAULT_WAIT_MS): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.inbox.findIndex(accept);
      if (i >= 0) return this.inbox.splice(i, 1)[0]!;
      if (this.ended) throw new Error('connection closed while waiting for a message');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${ms} ms; inbox: ${this.inbox.map((m) => m.type).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Skips messages until one of this type arrives; returns it and what was skipped. */
  async waitFor<T extends MessageName>(type: T, ms = DEFAULT_WAIT_MS): Promise<MessageOf<T>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = await this.next(Math.max(1, deadline - Date.now()));
      if (m.type === type) return m as MessageOf<T>;
    }
  }

  /** Resolves with the Disconnect reason and once the stream is closed. */
  async expectDisconnect(ms = DEFAULT_WAIT_MS): Promise<string> {
    const d = await this.waitFor('Disconnect', ms);
    await withTimeout(this.closed, ms, 'the router did not close the connection');
    return d.reason;
  }

  /** Asserts that nothing arrives within `ms`. */
  async expectSilence(ms = 150): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (this.inbox.length > 0) throw new Error(`expected silence, got ${this.inbox.map((m) => m.type).join(', ')}`);
  }

  private receive(chunk: Uint8Array): void {
    try {
      for (const frame of this.decoder.push(chunk)) this.inbox.push(decodeMessage(frame, this.dialect));
    } catch (e) {
      this.error = e;
    }
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

function ignore(): void {
  // errors surface through `closed`
}

export function summary(m: Message): unknown {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v !== 'object'));
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} (after ${ms} ms)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `condition` until it holds; fails after `ms`. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stub on an ephemeral port whose log records are collected (and not printed). */
export async function startStub(options: RouterStubOptions = {}): Promise<{ stub: RouterStub; logs: LogRecord[] }> {
  const logs: LogRecord[] = [];
  const stub = await createRouterStub({
    port: 0,
    logger: createLogger({ level: 'debug', sink: (r) => logs.push(r) }),
    ...options,
  });
  return { stub, logs };
}

// ---------------------------------------------------------------- keys and sessions

/** Fresh destination keys: Ed25519 for the current dialect, DSA-SHA1 (NULL certificate) for 2003. */
export function newKeys(kind: 'ed25519' | 'dsa' = 'ed25519'): DestinationKeys {
  return generateDestination({ sigType: kind === 'dsa' ? 0 : 7 });
}

export function sessionConfig(keys: DestinationKeys, dialect: Dialect, options: Record<string, string> = {}, date = Date.now()) {
  return signSessionConfig(
    dialect === '2003'
      ? { destination: keys.destination, options: mappingFrom(options) }
      : { destination: keys.destination, options: mappingFrom(options), date },
    keys.signingPrivateKey,
    dialect,
  );
}

/** What a client keeps about its session. */
export interface TestSession {
  readonly client: RawClient;
  readonly keys: DestinationKeys;
  readonly sessionId: number;
}

/**
 * Current dialect: GetDate/SetDate, CreateSession, answer RequestVariableLeaseSet with an LS2
 * (X25519 key), then a GetBandwidthLimits round trip so the router has processed the lease set.
 */
export async function openCurrentSession(
  client: RawClient,
  options: Record<string, string> = { 'i2cp.fastReceive': 'true' },
  keys: DestinationKeys = newKeys(),
  handshake = true,
): Promise<TestSession> {
  if (handshake) {
    client.send({ type: 'GetDate', version: '0.9.67' });
    await client.expect('SetDate');
  }
  client.send({ type: 'CreateSession', config: sessionConfig(keys, 'current', options) });
  const status = await client.expect('SessionStatus');
  if (status.status !== 1) throw new Error(`session not created: status ${status.status}`);
  const request = await client.expect('RequestVariableLeaseSet');
  client.send(leaseSet2Message(keys, status.sessionId, request.leases));
  client.send({ type: 'GetBandwidthLimits' });
  await client.expect('BandwidthLimits');
  return { client, keys, sessionId: status.sessionId };
}

export function leaseSet2Message(
  keys: DestinationKeys,
  sessionId: number,
  leases: readonly { gateway: Uint8Array; tunnelId: number; endDate: number }[],
  encryption: { publicKey: PublicKey; privateKey: PrivateKey } = generateEncryptionKeys(4),
  privateKeys: readonly PrivateKey[] = [encryption.privateKey],
): Message {
  const now = Math.floor(Date.now() / 1000);
  const leaseSet = signLeaseSet2(
    {
      destination: keys.destination,
      publishedSeconds: now,
      expiresOffsetSeconds: 600,
      flags: 0,
      options: new Map(),
      encryptionKeys: [encryption.publicKey],
      leases: leases.map((l) => ({ gateway: l.gateway, tunnelId: l.tunnelId, endSeconds: Math.floor(l.endDate / 1000) })),
    },
    keys.signingPrivateKey,
  );
  return { type: 'CreateLeaseSet2', sessionId, store: { storeType: 3, leaseSet }, privateKeys };
}

/** LS1 for the current CreateLeaseSet (4): ElGamal key from the destination keys, 20-byte dummy signing key. */
export function leaseSet1Message(
  keys: DestinationKeys,
  sessionId: number,
  leases: readonly { gateway: Uint8Array; tunnelId: number; endDate: number }[],
  privateKey: PrivateKey = keys.privateKey,
): Message {
  const leaseSet = signLeaseSet(
    {
      destination: keys.destination,
      encryptionKey: keys.destination.publicKey,
      signingKey: keys.destination.signingPublicKey,
      leases,
    },
    keys.signingPrivateKey,
  );
  return { type: 'CreateLeaseSet', dialect: 'current', sessionId, signingPrivateKey: new Uint8Array(20), privateKey, leaseSet };
}

/** 2003 CreateSession → SessionStatus → RequestLeaseSet → CreateLeaseSet, then a round trip to be sure it was processed. */
export async function open2003Session(
  client: RawClient,
  options: Record<string, string> = {},
  keys: DestinationKeys = newKeys('dsa'),
): Promise<TestSession> {
  client.send({ type: 'CreateSession', config: sessionConfig(keys, '2003', options) });
  const status = await client.expect('SessionStatus');
  if (status.status !== 1) throw new Error(`session not created: status ${status.status}`);
  const request = await client.expect('RequestLeaseSet');
  if (request.dialect !== '2003') throw new Error('expected a 2003 RequestLeaseSet');
  client.send(leaseSet2003Message(keys, status.sessionId, request));
  await sync2003(client);
  return { client, keys, sessionId: status.sessionId };
}

export function leaseSet2003Message(
  keys: DestinationKeys,
  sessionId: number,
  request: MessageOf<'RequestLeaseSet'> & { dialect: '2003' },
  override: { privateKey?: PrivateKey } = {},
): Message {
  const leaseSet = signLeaseSet2003(
    {
      destination: keys.destination,
      encryptionKey: keys.destination.publicKey,
      signingKey: keys.destination.signingPublicKey,
      version: 1,
      leases: request.tunnels.map((t) => ({ gateway: t.gateway, tunnelId: t.tunnelId, startDate: request.startDate, endDate: request.endDate })),
    },
    keys.signingPrivateKey,
  );
  return {
    type: 'CreateLeaseSet',
    dialect: '2003',
    sessionId,
    signingPrivateKey: keys.signingPrivateKey,
    privateKey: override.privateKey ?? keys.privateKey,
    leaseSet,
  };
}

/** A 2003 round trip: a message naming no session is answered with SessionStatus(3) after everything sent before it. */
export async function sync2003(client: RawClient): Promise<void> {
  client.send({ type: 'ReceiveMessageEnd', sessionId: 0xfffe, messageId: 1 });
  await client.take((m) => m.type === 'SessionStatus' && m.sessionId === 0xfffe && m.status === 3);
}
