// Starts and stops a private, offline i2pd on loopback for interop tests and benchmarks.
// The configuration and flags follow the project's interop notes (i2pd 2.45.1, Debian bookworm):
// own data dir, own ports, --floodfill so local lease sets get published, no reseed, no transit.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const CONF = fileURLToPath(new URL('./i2pd-offline.conf', import.meta.url));
const CERTS_DIR = process.env['I2PD_CERTSDIR'] ?? '/usr/share/i2pd/certificates';
const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;
const POLL_MS = 20;
// Another process can take a port between our probe and i2pd's bind; i2pd then runs on without
// I2CP, so a few fresh attempts are cheaper than a flaky suite.
const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 40;

/**
 * @typedef {'none' | 'critical' | 'error' | 'warn' | 'info' | 'debug'} I2pdLogLevel
 * @typedef {{ signal?: AbortSignal, logLevel?: I2pdLogLevel }} StartI2pdOptions
 * @typedef {{
 *   host: '127.0.0.1', i2cpPort: number, ntcp2Port: number, dataDir: string, pid: number,
 *   logFile: string, stop(): Promise<void>, readLog(): Promise<string>
 * }} I2pdInstance
 */

/** @type {Set<{ pid: number, dataDir: string }>} */
const running = new Set();
let exitHookInstalled = false;

/**
 * Path of the i2pd executable: `$I2PD_BIN`, else the first `i2pd` on PATH or in the sbin
 * directories a non-root PATH usually lacks.
 * @returns {string | undefined}
 */
export function findI2pd() {
  const fromEnv = process.env['I2PD_BIN'];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, 'i2pd');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Starts a private i2pd on free loopback ports and resolves once its I2CP port accepts.
 * @param {StartI2pdOptions} [options]
 * @returns {Promise<I2pdInstance>}
 */
export async function startI2pd(options = {}) {
  const bin = findI2pd();
  if (bin === undefined) throw new Error('i2pd not installed (install with: sudo apt-get install i2pd)');
  /** @type {unknown} */
  let lastError;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await startOnce(bin, options);
    } catch (error) {
      if (!(error instanceof PortTakenError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

class PortTakenError extends Error {}

/**
 * @param {string} bin
 * @param {StartI2pdOptions} options
 * @returns {Promise<I2pdInstance>}
 */
async function startOnce(bin, { signal, logLevel = 'info' }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'i2cp-i2pd-'));
  const logFile = path.join(dataDir, 'i2pd.log');
  const [i2cpPort = 0, ntcp2Port = 0] = await freePorts(2);
  await mkdir(path.join(dataDir, 'tunnels.d'));
  await writeFile(path.join(dataDir, 'tunnels.conf'), '');
  await copyFile(CONF, path.join(dataDir, 'i2pd.conf'));

  const args = [
    `--conf=${path.join(dataDir, 'i2pd.conf')}`,
    `--datadir=${dataDir}`,
    `--tunconf=${path.join(dataDir, 'tunnels.conf')}`,
    `--tunnelsdir=${path.join(dataDir, 'tunnels.d')}`,
    ...(existsSync(CERTS_DIR) ? [`--certsdir=${CERTS_DIR}`] : []),
    `--pidfile=${path.join(dataDir, 'i2pd.pid')}`,
    `--logfile=${logFile}`,
    `--i2cp.port=${i2cpPort}`,
    `--ntcp2.port=${ntcp2Port}`,
    `--loglevel=${logLevel}`,
    '--floodfill',
    '--notransit',
  ];
  const child = spawn(bin, args, { cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  /** @type {string[]} */
  const stderr = [];
  child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ s) => stderr.push(s));
  /** @type {Error | undefined} */
  let spawnError;
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const hasExited = () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;

  const entry = { pid: child.pid ?? -1, dataDir };
  running.add(entry);
  installExitHook();

  /** @type {string | undefined} */
  let keptLog;
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      signal?.removeEventListener('abort', onAbort);
      if (!hasExited()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      keptLog = await readFile(logFile, 'utf8').catch(() => '');
      running.delete(entry);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const onAbort = () => void stop();
  const readLog = async () => keptLog ?? (await readFile(logFile, 'utf8').catch(() => ''));

  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (spawnError) throw new Error(`could not run ${bin}: ${spawnError.message}`);
      if (hasExited()) {
        throw new Error(`i2pd exited during start-up (code ${child.exitCode}, signal ${child.signalCode})`);
      }
      if ((await readLog()).includes('Exception in I2CP')) throw new PortTakenError(`I2CP port ${i2cpPort} taken`);
      if (await accepts(i2cpPort)) break;
      if (Date.now() > deadline) throw new Error(`i2pd's I2CP port ${i2cpPort} did not accept within ${START_TIMEOUT_MS} ms`);
      await delay(POLL_MS, signal);
    }
  } catch (error) {
    const log = await readLog();
    await stop();
    if (error instanceof PortTakenError || signal?.aborted) throw error;
    const detail = [stderr.join('').trim(), tail(log)].filter(Boolean).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- i2pd log tail (${logFile}) ---\n${detail}`, { cause: error });
  }

  signal?.addEventListener('abort', onAbort, { once: true });
  return { host: HOST, i2cpPort, ntcp2Port, dataDir, pid: entry.pid, logFile, stop, readLog };
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Distinct ports the kernel reports free right now (held open together so they differ).
 * @param {number} count
 * @returns {Promise<number[]>}
 */
async function freePorts(count) {
  /** @type {net.Server[]} */
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, HOST, () => resolve(undefined));
      });
    }
    return servers.map((s) => /** @type {net.AddressInfo} */ (s.address()).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
  }
}

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(1_000);
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * @param {number} ms
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<void>}
 */
function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** @param {string} log */
function tail(log) {
  return log.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

// A test runner that exits (or crashes) without calling stop() must not leave routers behind.
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const { pid, dataDir } of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
