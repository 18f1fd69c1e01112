// Part `relay`: the ceiling any I2CP router on this machine can reach. A bare Node relay forwards
// length-prefixed frames from sender connections to receiver connections (pair n to pair n);
// nothing is decoded beyond the length, so the figures are what the sockets, the event loop and
// the write path allow.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage, stopProcess } from './lib/load.mjs';
import { caseKey, runMatrix } from './lib/matrix.mjs';

const ADAPTER = new URL('./lib/raw-adapter.mjs', import.meta.url);

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'relay',
  title: 'Raw relay baseline',
  order: 10,
  description: [
    'A minimal Node TCP relay on 127.0.0.1 (a process of its own) forwards length-prefixed frames (4-byte length, 1-byte',
    'type, body, as I2CP) from a sender process to a receiver process (`child_process.fork`, `setNoDelay(true)`',
    'everywhere); with n pairs each process holds n connections and the relay forwards sender connection i to receiver',
    'connection i. The relay parses only the length and writes views of the frames it read, corking the receiving socket',
    'for each read so all its frames leave in one `writev` ("one write() per frame" shows the naive path). Sizes are',
    'payload bytes per message. Saturating cases send as fast as back-pressure allows, every pair on its own;',
    'paced cases are open-loop (every 1 ms the sender sends what the clock says is due, whatever arrived) at the total',
    'rate given, spread over the pairs. Latency is receiver arrival minus the sender\'s `process.hrtime.bigint()` stamp',
    'in the payload (same machine, monotonic clock), 1 % histogram buckets. msgs/s and MB/s (payload, 10^6 B) are counted',
    'at the receiver over the measured window after a warm-up; `lost` = measured messages sent but not received.',
  ].join(' '),
  async run(context) {
    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const rows = [];
    for (const mode of ['batched', 'per-frame']) {
      const relay = fork(fileURLToPath(new URL('./lib/raw-relay-server.mjs', import.meta.url)), [mode], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      try {
        const port = Number((await nextMessage(relay, 'listening', 10_000))['port']);
        const start = async () => ({ port, stop: async () => undefined });
        if (mode === 'batched') {
          const { rows: matrixRows, results } = await runMatrix(context, { name: 'relay', adapter: ADAPTER, start });
          rows.push(...matrixRows);
          context.results.set('relay', results);
        } else if (!context.quick) {
          const cases = [{ key: caseKey(64, 1), label: '64 B, 1 pair, saturating, one write() per frame', size: 64, pairs: 1, rate: 0 }];
          rows.push(...(await runMatrix(context, { name: 'relay', adapter: ADAPTER, start }, cases)).rows);
        }
      } finally {
        await stopProcess(relay);
      }
    }
    return rows;
  },
};
