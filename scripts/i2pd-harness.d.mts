// Types of i2pd-harness.mjs for the TypeScript test suites.

export type I2pdLogLevel = 'none' | 'critical' | 'error' | 'warn' | 'info' | 'debug';

export interface StartI2pdOptions {
  /** Aborts start-up; aborting after start stops the router. */
  signal?: AbortSignal;
  /** i2pd's --loglevel (default 'info'). */
  logLevel?: I2pdLogLevel;
}

export interface I2pdInstance {
  readonly host: '127.0.0.1';
  readonly i2cpPort: number;
  readonly ntcp2Port: number;
  /** Private temporary data dir, removed by stop(). */
  readonly dataDir: string;
  readonly pid: number;
  readonly logFile: string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone and its dir removed. Idempotent. */
  stop(): Promise<void>;
  /** i2pd's log so far (still available after stop()). */
  readLog(): Promise<string>;
}

/** Path of the i2pd executable ($I2PD_BIN, PATH, sbin dirs), or undefined. */
export function findI2pd(): string | undefined;

/** Starts a private offline i2pd on free loopback ports; resolves once its I2CP port accepts (≤ 10 s). */
export function startI2pd(options?: StartI2pdOptions): Promise<I2pdInstance>;

/** 'required' when I2CP_INTEROP=required (CI), else 'optional'. */
export function interopMode(): 'required' | 'optional';

/** describe() that runs with i2pd, skips loudly without it, and fails without it when required. */
export function describeInterop(name: string, body: () => void): void;

/** Inside a describeInterop body: one i2pd per suite (beforeAll/afterAll); call the getter in tests. */
export function useI2pd(options?: StartI2pdOptions): () => I2pdInstance;
