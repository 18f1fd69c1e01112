// Forked sender: stamps and sends payloads through the adapter's frame template, as fast as the
// socket's back-pressure allows (rate 0) or paced at `rate` messages per second.
import { Kind } from './load.mjs';
import { runLoadProcess } from './load-process.mjs';

// Frames are copied into ~64 KiB batches so one write() carries many of them, as a real client
// library's write path would; the process yields to the event loop every few MiB.
const BATCH_BYTES = 64 * 1024;
const YIELD_BYTES = 4 * 1024 * 1024;
const PACE_TICK_MS = 1;

runLoadProcess('sender', (endpoint, command) => {
  if (!endpoint.template) throw new Error('adapter gave the sender no frame template');
  const { bytes: template, payloadOffset } = endpoint.template(command.size ?? 0);
  const { socket } = endpoint;
  const frameBytes = template.length;
  const perBatch = Math.max(1, Math.floor(BATCH_BYTES / frameBytes));
  const start = process.hrtime.bigint();
  const warmupEnd = start + BigInt(command.warmupMs ?? 0) * 1_000_000n;
  const end = warmupEnd + BigInt(command.durationMs ?? 0) * 1_000_000n;
  const rate = command.rate ?? 0;
  let sent = 0;
  let measuredSent = 0;

  /**
   * @param {number} count
   * @param {number} kind
   */
  const batch = (count, kind) => {
    const bytes = Buffer.allocUnsafe(count * frameBytes);
    for (let i = 0; i < count; i++) {
      const at = i * frameBytes;
      template.copy(bytes, at);
      bytes.writeBigUInt64BE(process.hrtime.bigint(), at + payloadOffset);
      bytes[at + payloadOffset + 8] = kind;
    }
    sent += count;
    if (kind === Kind.Measured) measuredSent += count;
    return bytes;
  };

  const finish = () => {
    socket.write(batch(1, Kind.End), () => process.send?.({ type: 'done', sent, measuredSent }));
  };

  const pump = () => {
    let budget = YIELD_BYTES;
    while (budget > 0) {
      const now = process.hrtime.bigint();
      if (now >= end) return finish();
      const bytes = batch(perBatch, now < warmupEnd ? Kind.Warmup : Kind.Measured);
      budget -= bytes.length;
      if (!socket.write(bytes)) return void socket.once('drain', pump);
    }
    setImmediate(pump);
  };

  const pace = () => {
    const timer = setInterval(() => {
      const now = process.hrtime.bigint();
      if (now >= end) {
        clearInterval(timer);
        return finish();
      }
      const due = Math.floor((Number(now - start) * rate) / 1e9) - sent;
      if (due > 0) socket.write(batch(due, now < warmupEnd ? Kind.Warmup : Kind.Measured));
    }, PACE_TICK_MS);
  };

  if (rate > 0) pace();
  else pump();
  return (type, body) => void endpoint.onFrame(type, body);
});
