// Target `router`: a router stub in a child process (stub-process.mjs) gets mutated frames of
// both dialects from many TCP connections at once, some after a valid session opening, while
// well-behaved client sessions keep exchanging messages (well-behaved.mjs). Findings: the stub
// process dies or reports an uncaught error, logs an internal (non-I2cpError) failure, its heap
// grows past the bound, connections or sessions are not released after the run, or a
// well-behaved message is late, lost or refused.
import { fork } from 'node:child_process';
import { connect as tcpConnect } from 'node:net';
import { generateDestination } from '../../packages/data/dist/index.js';
import { FrameDecoder, decodeMessage } from '../../packages/codec/dist/index.js';
import { sessionOpening } from './corpus.mjs';
import { concat, mutate, randomFor, toHexString } from './mutate.mjs';
import { startWellBehaved } from './well-behaved.mjs';

/** @typedef {import('../../packages/data/dist/index.js').Dialect} Dialect */
/** @typedef {{ index: number, dialect: Dialect, written: Uint8Array[] }} FuzzConnection */

const ROUTER_SALT = 0x5eed;
/** Type ids whose body starts with a SessionId: the live session's id is patched in before mutating. */
const SESSION_FIRST = new Set([2, 3, 4, 5, 6, 7, 20, 21, 22, 29, 31, 36, 37, 38, 39, 41, 42]);
const KEY_POOL = 24;

/**
 * @param {{ seed: number, seconds: number, concurrency: number, heapGrowthMiB: number, deliveryTimeoutMs: number,
 *   seeds: Record<Dialect, Uint8Array[]>, findings: import('./findings.mjs').FindingLog, signal: AbortSignal, log: (line: string) => void }} options
 */
export async function runRouterTarget(options) {
  const { seed, findings, log } = options;
  /** @type {Set<FuzzConnection>} */
  const inFlight = new Set();
  /** The latest fuzz connections by local port, to name the client behind a connection the stub keeps. */
  /** @type {Map<number, FuzzConnection>} */
  const byPort = new Map();
  /** @type {((list: { remote: string, ageMs: number, log: string[] }[]) => void) | undefined} */
  let onOpenConnections;
  let inputs = 0;
  let connections = 0;
  let stopping = false;
  /** @type {{ rss: number, heapUsed: number } | undefined} */
  let memory;
  /** @type {any} */
  let stats;
  let baselineHeap = 0;
  let peakHeap = 0;
  let peakRss = 0;

  const report = (
    /** @type {string} */ kind,
    /** @type {string} */ error,
    /** @type {string | undefined} */ stack = undefined,
    /** @type {Iterable<FuzzConnection>} */ culprits = inFlight,
  ) => {
    const suspects = [...culprits].map((c) => ({ index: c.index, dialect: c.dialect, writes: c.written.map(toHexString), ...('log' in c ? { stubLog: c.log } : {}) }));
    const last = [...culprits].at(-1);
    const file = findings.add({
      target: 'router',
      kind,
      error,
      ...(stack === undefined ? {} : { stack }),
      bytes: last === undefined ? new Uint8Array(0) : concat(...last.written),
      context: { seed, connections: suspects, note: 'the connections in flight (or those the stub kept): dialect and each write, in order' },
    });
    if (file !== undefined) log(`router finding: ${kind}: ${error}\n  ${suspects.length} connection(s) → ${file}`);
  };

  // The stub: sessions of dead 2003 connections linger for sessionTimeoutMs; short here so the
  // end-of-run check can see every fuzz session gone.
  const child = fork(new URL('./stub-process.mjs', import.meta.url), [JSON.stringify({ sessionTimeoutMs: 2000, handshakeTimeoutMs: 3000 })], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  void exited.then((/** @type {any} */ e) => {
    if (!stopping) report('crash', `stub process exited (code ${e.code}, signal ${e.signal})`);
  });
  const port = await new Promise((resolve, reject) => {
    child.on('message', (/** @type {any} */ m) => {
      if (m.ready === true) resolve(m.port);
      else if (m.fatal !== undefined) report('uncaught', m.fatal, m.stack);
      else if (m.openConnections !== undefined) onOpenConnections?.(m.openConnections);
      else if (m.internalError !== undefined) report('internal-error', `${m.internalError} ${JSON.stringify(m.fields)}`);
      else if (m.memory !== undefined) {
        memory = m.memory;
        stats = m.stats;
        peakHeap = Math.max(peakHeap, m.memory.heapUsed);
        peakRss = Math.max(peakRss, m.memory.rss);
        if (baselineHeap > 0 && m.memory.heapUsed > baselineHeap + options.heapGrowthMiB * 2 ** 20) {
          report('memory', `stub heap ${mib(m.memory.heapUsed)} MiB after GC, over the baseline ${mib(baselineHeap)} MiB + ${options.heapGrowthMiB} MiB`);
        }
      }
    });
    child.once('exit', () => reject(new Error('the stub process exited before it was ready')));
  });

  const wellBehaved = await startWellBehaved({
    port: /** @type {number} */ (port),
    dialects: ['current', '2003'],
    window: 2,
    deliveryTimeoutMs: options.deliveryTimeoutMs,
    onProblem: (problem) => report('well-behaved', problem),
  });
  // Baseline: the stub with its good sessions, before any garbage.
  await waitForReport(() => memory !== undefined);
  await new Promise((resolve) => setTimeout(resolve, 600));
  baselineHeap = memory?.heapUsed ?? 0;

  const keys = {
    '2003': Array.from({ length: KEY_POOL }, () => generateDestination({ sigType: 0 })),
    current: Array.from({ length: KEY_POOL }, () => generateDestination()),
  };
  const deadline = Date.now() + options.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (!stopping && Date.now() < deadline && !options.signal.aborted) {
      const index = next++;
      connections++;
      const sent = await fuzzConnection(index);
      inputs += sent;
    }
  };

  /** One connection's life; returns how many fuzz inputs it sent. */
  async function fuzzConnection(/** @type {number} */ index) {
    const r = randomFor(seed ^ ROUTER_SALT, index);
    /** @type {Dialect} */
    const dialect = r.next() < 0.5 ? '2003' : 'current';
    /** @type {FuzzConnection} */
    const record = { index, dialect, written: [] };
    const socket = tcpConnect({ host: '127.0.0.1', port: /** @type {number} */ (port), noDelay: true });
    socket.once('connect', () => {
      byPort.set(socket.localPort ?? 0, record);
      if (byPort.size > 10_000) byPort.delete(byPort.keys().next().value ?? 0);
    });
    socket.on('error', () => undefined);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const decoder = new FrameDecoder({ maxMessageBytes: 1 << 20 });
    let sessionId = -1;
    socket.on('data', (chunk) => {
      try {
        for (const f of decoder.push(chunk)) {
          const m = decodeMessage(f, dialect);
          if (m.type === 'SessionStatus' && m.status === 1) sessionId = m.sessionId;
        }
      } catch {
        // what the stub sends must decode, but that is the codec target's business
      }
    });
    const write = (/** @type {Uint8Array} */ bytes) => {
      record.written.push(bytes);
      if (!socket.destroyed) socket.write(bytes);
    };
    inFlight.add(record);
    try {
      await Promise.race([new Promise((resolve) => socket.once('connect', resolve)), closed]);
      const plan = r.next();
      if (plan < 0.04) {
        // Half-open: nothing, or half a frame, then silence until the router's handshake timeout or ours.
        if (r.next() < 0.5) write(Uint8Array.of(0, 0, 0, 40, 1, 2, 3));
        await Promise.race([closed, sleep(1000 + r.int(1000))]);
        return 0;
      }
      if (dialect === 'current' && r.next() < 0.9) write(Uint8Array.of(0x2a));
      if (r.next() < 0.5) {
        for (const frame of sessionOpening(dialect, r.pick(keys[dialect]))) write(frame);
        const until = Date.now() + 500;
        while (sessionId < 0 && Date.now() < until && !socket.destroyed) await sleep(5);
      }
      const count = 1 + r.int(6);
      for (let i = 0; i < count && !socket.destroyed; i++) {
        const corpus = options.seeds[dialect].map((s) => withSession(s, sessionId));
        const { bytes } = r.next() < 0.15 ? { bytes: r.pick(corpus) } : mutate(r, corpus);
        // Cut into chunks, sometimes with a pause, as a slow or fragmenting client would send.
        let from = 0;
        while (from < bytes.length) {
          const to = r.next() < 0.7 ? bytes.length : from + 1 + r.int(bytes.length - from);
          write(bytes.subarray(from, to));
          from = to;
          if (r.next() < 0.1) await sleep(r.int(20));
        }
      }
      const ending = r.next();
      if (ending < 0.4) socket.destroy();
      else if (ending < 0.7) socket.end();
      await Promise.race([closed, sleep(100)]);
      return count;
    } finally {
      socket.destroy();
      inFlight.delete(record);
    }
  }

  let lastInputs = 0;
  const progress = setInterval(() => {
    const w = wellBehaved.counts();
    log(
      `router: ${connections} connections, ${inputs} inputs (${Math.round((inputs - lastInputs) / 5)}/s); ` +
        `well-behaved ${w.delivered}/${w.sent} delivered; stub heap ${mib(memory?.heapUsed ?? 0)} MiB, rss ${mib(memory?.rss ?? 0)} MiB, ` +
        `${stats?.connections ?? '?'} connections, ${stats?.sessions ?? '?'} sessions; findings ${findings.total}`,
    );
    lastInputs = inputs;
  }, 5000);
  progress.unref();

  await Promise.all([...Array.from({ length: options.concurrency }, worker), sleep(Math.max(0, deadline - Date.now()))]);
  clearInterval(progress);

  // Afterwards: every fuzz connection and session released (the good ones stay: 2 per dialect).
  // Bounded waits that may legitimately hold one after its client left: an admin request's
  // failure delay (≤ 5 s), the close grace (2 s), a detached 2003 session (sessionTimeoutMs 2 s).
  const released = await waitForReport(() => stats?.connections === 4 && stats?.sessions === 4, 15_000);
  if (!released) {
    const now = stats;
    const open = await new Promise((/** @type {(list: { remote: string, ageMs: number, log: string[] }[]) => void} */ resolve) => {
      onOpenConnections = resolve;
      child.send({ openConnections: true });
    });
    const kept = open.flatMap((c) => {
      const record = byPort.get(Number(c.remote.split(':').at(-1)));
      return record === undefined ? [] : [{ ...record, ageMs: c.ageMs, log: c.log }];
    });
    const later = (await waitForReport(() => stats?.connections === 4 && stats?.sessions === 4, 30_000)) ? 'released within 30 s more' : 'still open 30 s later';
    report(
      'leak',
      `15 s after the run the stub still had ${now?.connections} connections and ${now?.sessions} sessions (expected 4 and 4); ` +
        `kept open: ${kept.map((c) => `#${c.index} (${c.dialect}, open ${Math.round(c.ageMs / 1000)} s)`).join(', ')}; ${later}`,
      undefined,
      kept,
    );
  }
  const wb = wellBehaved.counts();
  const latency = wellBehaved.latency();
  await wellBehaved.stop();
  stopping = true;
  child.send({ stop: true });
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
  return {
    connections,
    inputs,
    wellBehaved: { ...wb, latency },
    memory: { baselineHeapMiB: mib(baselineHeap), peakHeapMiB: mib(peakHeap), peakRssMiB: mib(peakRss) },
  };

  /** Polls a condition the stub's reports make true; false after `ms`. */
  async function waitForReport(/** @type {() => boolean} */ condition, ms = 5000) {
    const until = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > until) return false;
      await sleep(50);
    }
    return true;
  }
}

/** The frame with `sessionId` in its first two body bytes when its type starts with a SessionId. */
function withSession(/** @type {Uint8Array} */ frame, /** @type {number} */ sessionId) {
  if (sessionId < 0 || frame.length < 7 || !SESSION_FIRST.has(frame[4] ?? 0)) return frame;
  const out = frame.slice();
  out[5] = sessionId >> 8;
  out[6] = sessionId & 0xff;
  return out;
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (/** @type {number} */ bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
