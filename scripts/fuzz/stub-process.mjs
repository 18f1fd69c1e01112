// The router stub under fuzz, in a process of its own so that a crash, an exit or its memory is
// observable from outside. Reports over IPC: { ready, port }, then { memory, stats } every
// half a second (heap measured after a full GC: run with --expose-gc), and { internalError } for
// every error-level log record (the stub logs a non-I2cpError thrown by a handler there);
// answers { openConnections } with the remote address and age of every connection still open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRouterStub, createLogger } from '../../packages/router-stub/dist/index.js';
import { createRouterAdmin } from '../../packages/admin/dist/index.js';

const send = (/** @type {unknown} */ message) => {
  if (process.connected) process.send?.(message);
};
process.on('uncaughtException', (e) => {
  send({ fatal: `${e.name}: ${e.message}`, stack: e.stack });
  process.exit(70);
});
process.on('unhandledRejection', (e) => {
  send({ fatal: `unhandled rejection: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, stack: e instanceof Error ? e.stack : '' });
  process.exit(70);
});

/** Connections the stub has open, from its debug log (with their first records): who is behind a lingering one. */
const open = new Map();
const options = JSON.parse(process.argv[2] ?? '{}');
const dataDir = mkdtempSync(path.join(tmpdir(), 'i2cp-fuzz-admin-'));
const stub = await createRouterStub({
  port: 0,
  // Not the corpus's passphrase: an admin message that authenticates could legitimately throttle
  // the router (SetBandwidthLimits) and starve the well-behaved sessions the fuzzer measures.
  admin: createRouterAdmin({ dataDir, passphrase: 'not the corpus passphrase' }),
  logger: createLogger({
    level: 'debug',
    sink: (record) => {
      if (record.level === 'error') send({ internalError: record.msg, fields: record.fields });
      const id = record.fields?.['connection'];
      if (record.msg === 'connection opened') open.set(id, { remote: record.fields?.['remote'], since: Date.now(), log: [] });
      else if (record.msg === 'connection closed') open.delete(id);
      else {
        const log = open.get(id)?.log;
        if (log !== undefined && log.length < 20) log.push(`+${Date.now() - open.get(id).since} ms ${record.level} ${record.msg} ${JSON.stringify(record.fields)}`);
      }
    },
  }),
  ...options,
});
send({ ready: true, port: stub.address.port });

const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
const report = setInterval(() => {
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  send({ memory: { rss, heapUsed }, stats: stub.stats() });
}, 500);

process.on('message', (/** @type {any} */ m) => {
  if (m?.openConnections === true) send({ openConnections: [...open.values()].map((c) => ({ ...c, ageMs: Date.now() - c.since })) });
  if (m?.stop !== true) return;
  clearInterval(report);
  void stub.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
