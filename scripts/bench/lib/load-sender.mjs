// Forked sender: stamps and sends payloads through every pair's endpoint, as fast as back-pressure
// allows (rate 0: each pair on its own) or paced open-loop at `rate` messages per second in total
// (each tick sends what is due by the clock, whatever came back, spread over the pairs in turn).
import { Kind } from './load.mjs';
import { runLoadProcess } from './load-process.mjs';

// Frames are copied into ~64 KiB batches so one write() carries many of them, as a real client
// library's write path would; the process yields to the event loop every few MiB.
const BATCH_BYTES = 64 * 1024;
const YIELD_BYTES = 4 * 1024 * 1024;
const PACE_TICK_MS = 1;
const DEFAULT_WINDOW = 64;

/**
 * @typedef {object} Pair
 * @property {(count: number, kind: number) => void} write sends `count` messages of that kind now
 * @property {(kind: number) => Promise<void>} end sends the end marker; resolves once written
 * @property {(isOver: () => boolean, kindNow: () => number) => void} saturate sends until isOver()
 */

runLoadProcess('sender', (endpoints, command) => {
  const size = command.size ?? 0;
  const start = process.hrtime.bigint();
  const warmupEnd = start + BigInt(command.warmupMs ?? 0) * 1_000_000n;
  const end = warmupEnd + BigInt(command.durationMs ?? 0) * 1_000_000n;
  const rate = command.rate ?? 0;
  const counts = { sent: 0, measuredSent: 0 };
  /** @param {number} count @param {number} kind */
  const count = (count, kind) => {
    counts.sent += count;
    if (kind === Kind.Measured) counts.measuredSent += count;
  };
  const yieldBytes = Math.max(BATCH_BYTES, YIELD_BYTES / endpoints.length);
  const pairs = endpoints.map((endpoint) => (endpoint.send ? messagePair(endpoint, size, count, yieldBytes) : framePair(endpoint, size, count, yieldBytes)));
  const kindNow = () => (process.hrtime.bigint() < warmupEnd ? Kind.Warmup : Kind.Measured);
  const isOver = () => process.hrtime.bigint() >= end;

  let finishing = false;
  const finish = () => {
    if (finishing) return;
    finishing = true;
    void Promise.all(pairs.map((p) => p.end(Kind.End))).then(() =>
      // The measured window on the machine's monotonic clock (ns), e.g. to cut a CPU profile to it.
      process.send?.({ type: 'done', ...counts, measuredFromNs: Number(warmupEnd), measuredToNs: Number(end) }),
    );
  };

  if (rate > 0) {
    let cursor = 0;
    const timer = setInterval(() => {
      if (isOver()) {
        clearInterval(timer);
        return finish();
      }
      const now = process.hrtime.bigint();
      const due = Math.floor((Number(now - start) * rate) / 1e9) - counts.sent;
      const kind = now < warmupEnd ? Kind.Warmup : Kind.Measured;
      // Spread what is due over the pairs in turn, one message each, batched per pair.
      const share = Math.floor(due / pairs.length);
      const extra = due - share * pairs.length;
      for (let i = 0; i < pairs.length; i++) {
        const n = share + ((i - cursor + pairs.length) % pairs.length < extra ? 1 : 0);
        if (n > 0) pairs[i]?.write(n, kind);
      }
      cursor = (cursor + extra) % pairs.length;
    }, PACE_TICK_MS);
  } else {
    let running = pairs.length;
    for (const pair of pairs) {
      pair.saturate(
        () => {
          if (!isOver()) return false;
          if (--running === 0) finish();
          return true;
        },
        kindNow,
      );
    }
  }
  return (endpoint, type, body) => void endpoint.onFrame?.(type, body);
});

/**
 * Frame-level pair: copies of the adapter's frame template, stamped, written in batches.
 * @param {import('./load.mjs').LoadEndpoint} endpoint
 * @param {number} size
 * @param {(count: number, kind: number) => void} count
 * @param {number} yieldBytes
 * @returns {Pair}
 */
function framePair(endpoint, size, count, yieldBytes) {
  const { socket } = endpoint;
  if (!endpoint.template || !socket) throw new Error('adapter gave the sender no socket or frame template');
  const { bytes: template, payloadOffset } = endpoint.template(size);
  const frameBytes = template.length;
  const perBatch = Math.max(1, Math.floor(BATCH_BYTES / frameBytes));
  /** @param {number} n @param {number} kind */
  const batch = (n, kind) => {
    const bytes = Buffer.allocUnsafe(n * frameBytes);
    for (let i = 0; i < n; i++) {
      const at = i * frameBytes;
      template.copy(bytes, at);
      bytes.writeBigUInt64BE(process.hrtime.bigint(), at + payloadOffset);
      bytes[at + payloadOffset + 8] = kind;
    }
    count(n, kind);
    return bytes;
  };
  return {
    write: (n, kind) => void socket.write(batch(n, kind)),
    end: (kind) => new Promise((resolve) => socket.write(batch(1, kind), () => resolve())),
    saturate(isOver, kindNow) {
      const pump = () => {
        let budget = yieldBytes;
        while (budget > 0) {
          if (isOver()) return;
          const bytes = batch(perBatch, kindNow());
          budget -= bytes.length;
          if (!socket.write(bytes)) return void socket.once('drain', pump);
        }
        setImmediate(pump);
      };
      pump();
    },
  };
}

/**
 * Message-level pair: a fresh stamped payload per send through the adapter's client library.
 * Saturating keeps `window` sends in flight and yields to the event loop every few MiB.
 * @param {import('./load.mjs').LoadEndpoint} endpoint
 * @param {number} size
 * @param {(count: number, kind: number) => void} count
 * @param {number} yieldBytes
 * @returns {Pair}
 */
function messagePair(endpoint, size, count, yieldBytes) {
  const send = /** @type {NonNullable<typeof endpoint.send>} */ (endpoint.send);
  const window = endpoint.window ?? DEFAULT_WINDOW;
  /** @param {number} kind */
  const one = (kind) => {
    const payload = Buffer.alloc(size);
    payload.writeBigUInt64BE(process.hrtime.bigint(), 0);
    payload[8] = kind;
    count(1, kind);
    return send(payload);
  };
  /** @param {unknown} error */
  const failed = (error) => process.send?.({ type: 'error', message: `send failed: ${String(error)}` });
  return {
    write(n, kind) {
      for (let i = 0; i < n; i++) one(kind).catch(failed);
    },
    end: (kind) => one(kind).then(() => undefined),
    saturate(isOver, kindNow) {
      let inFlight = 0;
      let budget = yieldBytes;
      let over = false;
      let scheduled = false;
      const pump = () => {
        while (!over && inFlight < window) {
          if (budget <= 0) {
            if (!scheduled) {
              scheduled = true;
              setImmediate(() => {
                scheduled = false;
                budget = yieldBytes;
                pump();
              });
            }
            return;
          }
          if (isOver()) {
            over = true;
            return;
          }
          inFlight++;
          budget -= Math.max(size, 1024);
          one(kindNow()).then(() => {
            inFlight--;
            pump();
          }, failed);
        }
      };
      pump();
    },
  };
}
