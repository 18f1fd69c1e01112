// Forked receiver: recognises delivered payloads on every pair's endpoint and records count, bytes,
// arrival window and latency (now minus the sender's stamp) of the measured ones.
import { Histogram } from './histogram.mjs';
import { Kind } from './load.mjs';
import { runLoadProcess } from './load-process.mjs';

// A router may deliver the end marker before messages sent earlier (i2pd does under load): after
// the last pair's marker, wait until measured messages stop arriving for a moment, within a bound.
const SETTLE_QUIET_MS = 200;
const SETTLE_MAX_MS = 3_000;

runLoadProcess('receiver', (endpoints) => {
  const histogram = new Histogram();
  let count = 0;
  let bytes = 0;
  let ends = 0;
  /** @type {bigint | undefined} */
  let first;
  let last = 0n;
  let reported = false;

  const report = (/** @type {boolean} */ complete) => {
    if (reported) return;
    reported = true;
    const windowNs = first === undefined ? 0 : Number(last - first);
    process.send?.({ type: 'result', count, bytes, windowNs, histogram: histogram.toJSON(), complete });
  };
  const settle = () => {
    const giveUpAt = Date.now() + SETTLE_MAX_MS;
    let seen = count;
    const check = () => {
      if (count === seen || Date.now() >= giveUpAt) return report(true);
      seen = count;
      setTimeout(check, SETTLE_QUIET_MS);
    };
    setTimeout(check, SETTLE_QUIET_MS);
  };
  process.on('message', (/** @type {any} */ message) => {
    if (message?.type === 'report') report(false);
  });

  /** @param {Uint8Array} payload */
  const onPayload = (payload) => {
    const kind = payload[8];
    if (kind === Kind.Measured) {
      const now = process.hrtime.bigint();
      const view = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
      histogram.record(Number(now - view.readBigUInt64BE(0)));
      count++;
      bytes += payload.length;
      first ??= now;
      last = now;
    } else if (kind === Kind.End && ++ends === endpoints.length) {
      settle();
    }
  };
  for (const endpoint of endpoints) endpoint.subscribe?.(onPayload);

  return (endpoint, type, body) => {
    const payload = endpoint.onFrame?.(type, body);
    if (payload !== undefined) onPayload(payload);
  };
});
