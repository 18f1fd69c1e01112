// Part `scale`: many concurrent sessions on one router stub, opened from several client processes
// through @i2cp/client: how long setting them up takes, what each costs the stub in memory, and
// whether delivery still works with all of them open.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage, stopProcess } from './lib/load.mjs';
import { startStubProcess } from './lib/stub-process.mjs';

const SESSIONS = 10_000;
const QUICK_SESSIONS = 1_000;
const PROCESSES = 4;
const PER_CONNECTION = [1, 16];
const PROBES_PER_PROCESS = 50;
const PREPARE_TIMEOUT_MS = 120_000;
const ESTABLISH_TIMEOUT_MS = 300_000;
const PROBE_TIMEOUT_MS = 30_000;
const DELIVERY_WAIT_MS = 10_000;
const KIB = 1024;

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'scale',
  title: 'Scale: concurrent sessions on one router stub',
  order: 40,
  description: [
    `One router stub process (lib/stub-server.mjs, default limits, \`--expose-gc\`) and ${PROCESSES} client processes`,
    '(lib/scale-client.mjs, @i2cp/client, current dialect, Ed25519 + ElGamal destinations, LS2 with X25519 + ElGamal',
    'keys, the client default) holding an equal share of the sessions, either one session per connection or 16 per',
    'connection (the stub\'s default `maxSessionsPerConnection`). Keys are generated before the clock starts.',
    '"establish" is the wall time from the go signal until every process has every session created and its lease set',
    `accepted (${32} connections set up at a time per process). Memory per session is the stub process's growth divided`,
    'by the sessions, both measured after a full GC (`global.gc()`): RSS, and V8 heap used + external (Buffers).',
    `Then each process sends ${PROBES_PER_PROCESS} messages from sessions spread over its connections to sessions of the next`,
    'process (default reliability, waiting for each final status); "delivered" counts the probes that arrived.',
  ].join(' '),
  async run(context) {
    for (const pkg of ['router-stub', 'data', 'client']) {
      if ((await context.loadPackage(pkg)) === undefined) return { skipped: `needs the built @i2cp/${pkg} (pnpm build)` };
    }
    const total = context.quick ? QUICK_SESSIONS : SESSIONS;
    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const rows = [];
    /** @type {ScaleResult[]} */
    const results = [];
    for (const perConnection of context.quick ? [16] : PER_CONNECTION) {
      context.log(`scale: ${total} sessions, ${perConnection} per connection, ${PROCESSES} processes`);
      const result = await runScale(total, perConnection);
      results.push(result);
      rows.push({
        'sessions per connection': perConnection,
        sessions: result.sessions,
        connections: result.connections,
        'establish s': Number((result.establishMs / 1000).toFixed(2)),
        'sessions/s': Math.round(result.sessions / (result.establishMs / 1000)),
        'RSS KiB/session': Number((result.rssBytes / result.sessions / KIB).toFixed(2)),
        'heap+external KiB/session': Number((result.heapBytes / result.sessions / KIB).toFixed(2)),
        'stub RSS MiB': Number((result.rssTotal / 2 ** 20).toFixed(1)),
        delivered: `${result.delivered}/${result.probes}`,
        'probe s': Number((result.probeMs / 1000).toFixed(2)),
      });
    }
    context.results.set('scale', results);
    return rows;
  },
};

/**
 * @typedef {object} ScaleResult
 * @property {number} perConnection
 * @property {number} sessions sessions the stub reported after set-up
 * @property {number} connections
 * @property {number} establishMs
 * @property {number} rssBytes stub RSS growth
 * @property {number} heapBytes stub heap used + external growth
 * @property {number} rssTotal stub RSS with every session open
 * @property {number} probes
 * @property {number} delivered
 * @property {number} probeMs
 */

/**
 * @param {number} total
 * @param {number} perConnection
 * @returns {Promise<ScaleResult>}
 */
async function runScale(total, perConnection) {
  const stub = await startStubProcess();
  const clients = Array.from({ length: PROCESSES }, () =>
    fork(fileURLToPath(new URL('./lib/scale-client.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    const share = (/** @type {number} */ i) => Math.floor(total / PROCESSES) + (i < total % PROCESSES ? 1 : 0);
    clients.forEach((c, i) => c.send({ type: 'prepare', sessions: share(i) }));
    await Promise.all(clients.map((c) => nextMessage(c, 'prepared', PREPARE_TIMEOUT_MS)));
    const before = await stub.stats();

    const started = performance.now();
    clients.forEach((c) => c.send({ type: 'establish', port: stub.port, perConnection, sample: PROBES_PER_PROCESS }));
    const established = await Promise.all(clients.map((c) => nextMessage(c, 'established', ESTABLISH_TIMEOUT_MS)));
    const establishMs = performance.now() - started;
    const after = await stub.stats();

    const probeStart = performance.now();
    clients.forEach((c, i) => c.send({ type: 'probe', targets: established[(i + 1) % PROCESSES]?.['addresses'] }));
    const probed = await Promise.all(clients.map((c) => nextMessage(c, 'probed', PROBE_TIMEOUT_MS)));
    const probes = probed.reduce((n, p) => n + Number(p['ok']) + Number(p['failed']), 0);
    const delivered = await deliveredCount(clients, probes);
    const probeMs = performance.now() - probeStart;

    const grown = (/** @type {(m: NodeJS.MemoryUsage) => number} */ pick) => pick(after.memory) - pick(before.memory);
    return {
      perConnection,
      sessions: Number(after.stats['sessions']),
      connections: Number(after.stats['connections']),
      establishMs,
      rssBytes: grown((m) => m.rss),
      heapBytes: grown((m) => m.heapUsed + m.external),
      rssTotal: after.memory.rss,
      probes,
      delivered,
      probeMs,
    };
  } finally {
    await Promise.all(clients.map((c) => stopProcess(c)));
    await stub.stop();
  }
}

/**
 * Waits until the processes together received `expected` messages, or a bound passed.
 * @param {import('node:child_process').ChildProcess[]} clients
 * @param {number} expected
 */
async function deliveredCount(clients, expected) {
  const giveUpAt = Date.now() + DELIVERY_WAIT_MS;
  for (;;) {
    clients.forEach((c) => c.send({ type: 'received' }));
    const counts = await Promise.all(clients.map((c) => nextMessage(c, 'received', 5_000)));
    const sum = counts.reduce((n, r) => n + Number(r['count']), 0);
    if (sum >= expected || Date.now() >= giveUpAt) return sum;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
