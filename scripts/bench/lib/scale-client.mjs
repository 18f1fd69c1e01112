// Forked by the scale part: holds many sessions (through @i2cp/client) on one router, counts what
// they receive, and sends probe messages on request. Parent commands over IPC:
//   prepare { sessions }                 generate the keys (not part of the timed set-up) → prepared
//   establish { port, perConnection, sample }  connect and create every session → established
//     { ms, sessions, connections, addresses: base64 Destinations of the first `sample` sessions }
//   probe { targets }                    session i sends one message to targets[i] and waits for
//     its final status → probed { ok, failed, ms }
//   received                             → received { count } messages that arrived so far
import { fail } from './load-process.mjs';

/** @type {any} built @i2cp/client */
const client = await import(new URL('../../../packages/client/dist/index.js', import.meta.url).href);
/** @type {any} built @i2cp/data */
const data = await import(new URL('../../../packages/data/dist/index.js', import.meta.url).href);

// Connections being set up at once by this process.
const CONNECT_CONCURRENCY = 32;
const PROBE_TIMEOUT_MS = 20_000;

/** @type {any[]} */
let keys = [];
/** @type {any[]} */
const sessions = [];
/** @type {any[]} */
const connections = [];
let received = 0;

process.once('disconnect', () => process.exit(0));
process.on('message', (/** @type {any} */ command) => {
  void handle(command).catch((/** @type {unknown} */ error) => fail(error));
});

/** @param {any} command */
async function handle(command) {
  if (command?.type === 'prepare') {
    const started = performance.now();
    // Sessions sharing a connection are subsessions of its first one and need its public key, so every
    // Destination of this process shares one (whatever the grouping per connection).
    const primary = data.generateDestination();
    keys = Array.from({ length: Number(command.sessions) }, (_, i) => (i === 0 ? primary : data.generateDestination({ subsessionOf: primary })));
    process.send?.({ type: 'prepared', ms: performance.now() - started });
  } else if (command?.type === 'establish') {
    const started = performance.now();
    await establish(Number(command.port), Number(command.perConnection));
    const addresses = spread(sessions, Number(command.sample)).map((s) => data.toBase64(s.destination.bytes));
    process.send?.({ type: 'established', ms: performance.now() - started, sessions: sessions.length, connections: connections.length, addresses });
  } else if (command?.type === 'probe') {
    const started = performance.now();
    /** @type {string[]} */
    const targets = command.targets;
    const senders = spread(sessions, targets.length);
    const outcomes = await Promise.allSettled(
      targets.map((to, i) => senders[i].send(to, Buffer.from(`probe ${i}`), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled' && o.value.success).length;
    process.send?.({ type: 'probed', ok, failed: outcomes.length - ok, ms: performance.now() - started });
  } else if (command?.type === 'received') {
    process.send?.({ type: 'received', count: received });
  }
}

/**
 * `count` items evenly spaced over the list (from first to last connection, not only the first).
 * @template T
 * @param {T[]} list
 * @param {number} count
 * @returns {T[]}
 */
function spread(list, count) {
  const n = Math.min(count, list.length);
  return Array.from({ length: n }, (_, i) => /** @type {T} */ (list[Math.floor((i * list.length) / n)]));
}

/**
 * Opens ceil(sessions / perConnection) connections, CONNECT_CONCURRENCY at a time; the sessions of
 * one connection are created one after the other.
 * @param {number} port
 * @param {number} perConnection
 */
async function establish(port, perConnection) {
  /** @type {any[][]} */
  const groups = [];
  for (let i = 0; i < keys.length; i += perConnection) groups.push(keys.slice(i, i + perConnection));
  let next = 0;
  const worker = async () => {
    for (let g = next++; g < groups.length; g = next++) {
      const connection = await client.connect({ host: '127.0.0.1', port });
      connections.push(connection);
      for (const k of groups[g] ?? []) {
        const session = await connection.createSession({ keys: k });
        sessions.push(session);
        void (async () => {
          for await (const message of session.messages()) if (message) received++;
        })().catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, groups.length) }, worker));
}
