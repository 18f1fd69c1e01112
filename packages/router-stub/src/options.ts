import { I2cpError } from '@i2cp/data';
import type { Destination } from '@i2cp/data';
import type { RouterAdminHandler } from './admin-hook.js';
import type { LogLevel, Logger } from './logger.js';
import { createLogger } from './logger.js';

export type DialectOption = 'auto' | '2003' | 'current';

/** Every bound the router enforces. All sizes in bytes, all times in milliseconds. */
export interface RouterStubLimits {
  /** Largest message body accepted (the 4-byte length field); larger frames end the connection. */
  readonly maxFrameBytes: number;
  /** Time a new connection has to deliver its first complete message. */
  readonly handshakeTimeoutMs: number;
  readonly maxConnections: number;
  readonly maxSessionsPerConnection: number;
  readonly maxSessions: number;
  /** Payload bytes waiting for one session (held, in flight or in its connection's output). */
  readonly maxQueuedBytesPerSession: number;
  /** Longest time senders stay paused for one recipient; then they go on and overflowing sends are refused. */
  readonly maxSenderPauseMs: number;
  /** Output bytes a connection may leave unread before it is dropped as a slow reader. */
  readonly maxOutputBytesPerConnection: number;
  /** Accepted difference between a current SessionConfig's date and the router clock. */
  readonly clockSkewMs: number;
  /** Messages one session may deliver to another within one second before the recipient is told it is flooded (2003). */
  readonly floodMessagesPerSecond: number;
}

export interface SimulationOptions {
  /** Probability in [0, 1] that a message is lost between sender and recipient. */
  readonly dropProbability?: number;
  readonly latencyMs?: number;
  /** Uniform jitter: each delay is latencyMs ± jitterMs (never below 0). */
  readonly jitterMs?: number;
  readonly seed?: number;
}

export interface RouterStubOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly dialect?: DialectOption;
  /** How long a 2003 session survives without a connection. */
  readonly sessionTimeoutMs?: number;
  /** Validity of the leases the router hands out; it asks for a new lease set before they end. */
  readonly leaseDurationMs?: number;
  readonly limits?: Partial<RouterStubLimits>;
  readonly simulation?: SimulationOptions;
  /** Path of a hosts file (`name=base64destination` lines) read at start. */
  readonly hostsFile?: string;
  /** More names, as name → Destination. */
  readonly hosts?: ReadonlyMap<string, Destination> | Readonly<Record<string, Destination>>;
  readonly admin?: RouterAdminHandler;
  /** Current dialect: required `i2cp.username`/`i2cp.password` in GetDate. */
  readonly auth?: { readonly username: string; readonly password: string };
  readonly logger?: Logger;
  readonly logLevel?: LogLevel;
  /** The API version announced in SetDate. */
  readonly apiVersion?: string;
}

const dialects: readonly string[] = ['auto', '2003', 'current'];
/** Session ids run from 1 to 65534: 0 cannot receive payloads from Java's client library, 65535 means "no session". */
const MAX_SESSION_IDS = 0xfffe;

export const defaultLimits: RouterStubLimits = {
  maxFrameBytes: 64 * 1024,
  handshakeTimeoutMs: 10_000,
  maxConnections: 16_384,
  maxSessionsPerConnection: 16,
  maxSessions: 20_000,
  maxQueuedBytesPerSession: 1024 * 1024,
  maxSenderPauseMs: 10_000,
  maxOutputBytesPerConnection: 32 * 1024 * 1024,
  clockSkewMs: 3 * 60_000,
  floodMessagesPerSecond: 1000,
};

export interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly dialect: DialectOption;
  readonly sessionTimeoutMs: number;
  readonly leaseDurationMs: number;
  readonly limits: RouterStubLimits;
  readonly simulation: Required<SimulationOptions>;
  readonly log: Logger;
  readonly apiVersion: string;
}

export function resolveOptions(options: RouterStubOptions): ResolvedOptions {
  const limits = { ...defaultLimits, ...options.limits };
  for (const [name, value] of Object.entries(limits)) positive(`limits.${name}`, value);
  if (limits.maxSessions > MAX_SESSION_IDS) {
    throw new I2cpError('BAD_ARGUMENT', `limits.maxSessions must be at most ${MAX_SESSION_IDS} (session ids 1–65534), got ${limits.maxSessions}`);
  }
  const sim = options.simulation ?? {};
  const simulation = {
    dropProbability: sim.dropProbability ?? 0,
    latencyMs: sim.latencyMs ?? 0,
    jitterMs: sim.jitterMs ?? 0,
    seed: sim.seed ?? 1,
  };
  if (!(simulation.dropProbability >= 0 && simulation.dropProbability <= 1)) {
    throw new I2cpError('BAD_ARGUMENT', `simulation.dropProbability must be in [0, 1], got ${simulation.dropProbability}`);
  }
  nonNegative('simulation.latencyMs', simulation.latencyMs);
  nonNegative('simulation.jitterMs', simulation.jitterMs);
  const port = options.port ?? 7654;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new I2cpError('BAD_ARGUMENT', `port must be 0–65535, got ${port}`);
  const dialect = options.dialect ?? 'auto';
  if (!dialects.includes(dialect)) {
    throw new I2cpError('BAD_ARGUMENT', `dialect must be 'auto', '2003' or 'current', got ${dialect}`);
  }
  const sessionTimeoutMs = options.sessionTimeoutMs ?? 300_000;
  positive('sessionTimeoutMs', sessionTimeoutMs);
  const leaseDurationMs = options.leaseDurationMs ?? 600_000;
  positive('leaseDurationMs', leaseDurationMs);
  return {
    host: options.host ?? '127.0.0.1',
    port,
    dialect,
    sessionTimeoutMs,
    leaseDurationMs,
    limits,
    simulation,
    log: options.logger ?? createLogger({ level: options.logLevel ?? 'warn' }),
    apiVersion: options.apiVersion ?? '0.9.67',
  };
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new I2cpError('BAD_ARGUMENT', `${name} must be a positive number, got ${value}`);
}

function nonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new I2cpError('BAD_ARGUMENT', `${name} must be ≥ 0, got ${value}`);
}
