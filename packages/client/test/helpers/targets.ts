import { afterEach } from 'vitest';
import { generateDestination, type Dialect } from '@i2cp/data';
import { createRouterStub, type RouterStub } from '@i2cp/router-stub';
import { connect, type Connection, type ConnectOptions, type Session, type SessionKeys } from '../../src/index.js';

/** One router the shared client suite runs against. */
export interface Target {
  readonly name: string;
  readonly dialect: Dialect;
  readonly router: 'stub' | 'i2pd';
  /** Options every session gets here (i2pd: zero-hop tunnels, so it works offline). */
  readonly sessionOptions: Readonly<Record<string, string>>;
  /** Per-test time bound (i2pd needs 2–12 s before its first lease-set request). */
  readonly timeoutMs: number;
  keys(): SessionKeys;
  connect(extra?: Partial<ConnectOptions>): Promise<Connection>;
}

export type Transport = 'tcp' | 'memory';

/** A target on a router stub that the caller starts (beforeAll) and stops (afterAll). */
export function stubTarget(dialect: Dialect, transport: Transport, stub: () => RouterStub): Target {
  return {
    name: `router stub, ${dialect}, ${transport}`,
    dialect,
    router: 'stub',
    sessionOptions: {},
    timeoutMs: 15_000,
    keys: () => (dialect === '2003' ? generateDestination({ sigType: 0, encType: 0 }) : generateDestination()),
    connect: (extra = {}) =>
      transport === 'tcp'
        ? connect({ host: stub().address.host, port: stub().address.port, dialect, signal: AbortSignal.timeout(5000), ...extra })
        : connect({ transport: () => stub().connectMemory(), dialect, signal: AbortSignal.timeout(5000), ...extra }),
  };
}

export const I2PD_SESSION_OPTIONS = {
  'inbound.length': '0',
  'outbound.length': '0',
  'inbound.quantity': '1',
  'outbound.quantity': '1',
} as const;

export function i2pdTarget(router: () => { readonly host: string; readonly i2cpPort: number }): Target {
  return {
    name: 'i2pd 2.45.1, current, tcp',
    dialect: 'current',
    router: 'i2pd',
    sessionOptions: I2PD_SESSION_OPTIONS,
    timeoutMs: 60_000,
    keys: () => generateDestination(),
    connect: (extra = {}) => connect({ host: router().host, port: router().i2cpPort, signal: AbortSignal.timeout(10_000), ...extra }),
  };
}

/** A stub on a free loopback port that serves both dialects (it tells them apart by the first byte). */
export function startStub(): Promise<RouterStub> {
  return createRouterStub({ port: 0, dialect: 'auto', logLevel: 'error' });
}

/** Connections opened in a test are closed after it, whatever happened. */
export function useConnections(): { track: (c: Connection) => Connection } {
  const open: Connection[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return {
    track: (c) => {
      open.push(c);
      return c;
    },
  };
}

/**
 * One session on its own connection (real routers allow one session per connection), created
 * under the target's time bound.
 */
export async function openSession(
  target: Target,
  track: (c: Connection) => Connection,
  options: Readonly<Record<string, string>> = {},
  keys: SessionKeys = target.keys(),
): Promise<{ connection: Connection; session: Session }> {
  const connection = track(await target.connect());
  const session = await connection.createSession({
    keys,
    options: { ...target.sessionOptions, ...options },
    signal: AbortSignal.timeout(target.timeoutMs - 5000),
  });
  return { connection, session };
}

/**
 * A recipient and a sender, each on its own connection. Routers give no acknowledgement for a lease
 * set, so the recipient is created first: its lease set is on the wire before the sender exists.
 * i2pd takes seconds per session and stores lease sets at once, so there both are made together.
 */
export async function openPair(
  target: Target,
  track: (c: Connection) => Connection,
  senderOptions: Readonly<Record<string, string>> = {},
  recipientOptions: Readonly<Record<string, string>> = {},
): Promise<{ sender: Session; recipient: Session }> {
  if (target.router === 'i2pd') {
    const [sender, recipient] = await Promise.all([openSession(target, track, senderOptions), openSession(target, track, recipientOptions)]);
    return { sender: sender.session, recipient: recipient.session };
  }
  const recipient = await openSession(target, track, recipientOptions);
  const sender = await openSession(target, track, senderOptions);
  return { sender: sender.session, recipient: recipient.session };
}

/** The next message from an iterator, bounded in time. */
export async function nextMessage<T>(it: AsyncIterator<T>, ms = 10_000): Promise<T> {
  const r = await Promise.race([
    it.next(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no message within ${ms} ms`)), ms).unref()),
  ]);
  if (r.done === true) throw new Error('iteration ended');
  return r.value;
}

export function patterned(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
