// Part `relay`: the ceiling any I2CP router on this machine can reach. A bare Node relay forwards
// length-prefixed frames from a sender process to a receiver process; nothing is decoded beyond
// the length, so the figures are what the sockets, the event loop and the write path allow.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage, runBestOf, stopProcess } from './lib/load.mjs';
import { loadResultRow } from './lib/part.mjs';

const KIB = 1024;
const CASES = [
  { label: '64 B, saturating', size: 64, rate: 0, mode: 'batched' },
  { label: '1 KiB, saturating', size: KIB, rate: 0, mode: 'batched' },
  { label: '32 KiB, saturating', size: 32 * KIB, rate: 0, mode: 'batched' },
  { label: '1 KiB at 1,000 msgs/s', size: KIB, rate: 1_000, mode: 'batched' },
  { label: '1 KiB at 10,000 msgs/s', size: KIB, rate: 10_000, mode: 'batched' },
  { label: '64 B, saturating, one write() per frame', size: 64, rate: 0, mode: 'per-frame' },
];

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'relay',
  title: 'Raw relay baseline',
  description: [
    'A minimal Node TCP relay on 127.0.0.1 forwards length-prefixed frames (4-byte length, 1-byte type, body, as I2CP)',
    'from a sender process to a receiver process (three processes, `child_process.fork`, `setNoDelay(true)` everywhere).',
    'The relay parses only the length and writes views of the frames it read; "batched" corks the receiving socket',
    'for each read so all its frames leave in one `writev`. Sizes are payload bytes per message. Saturating cases send',
    'as fast as back-pressure allows; paced cases show latency without queueing. Latency is receiver arrival minus',
    'the sender\'s `process.hrtime.bigint()` stamp in the payload (same machine, monotonic clock), 1 % histogram buckets.',
    'msgs/s and MB/s (payload, 10^6 B) are counted at the receiver over the measured window after a warm-up.',
  ].join(' '),
  async run(context) {
    const rows = [];
    for (const mode of ['batched', 'per-frame']) {
      const relay = fork(fileURLToPath(new URL('./lib/raw-relay-server.mjs', import.meta.url)), [mode], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      try {
        const { port } = await nextMessage(relay, 'listening', 10_000);
        for (const c of CASES.filter((x) => x.mode === mode)) {
          context.log(`relay: ${c.label}`);
          const result = await runBestOf(context.repeat, {
            adapter: new URL('./lib/raw-adapter.mjs', import.meta.url),
            receiverOptions: { port },
            senderOptions: { port },
            size: c.size,
            rate: c.rate,
            warmupMs: context.warmupMs,
            durationMs: context.durationMs,
          });
          rows.push(loadResultRow(c.label, result));
        }
      } finally {
        await stopProcess(relay);
      }
    }
    return rows;
  },
};
