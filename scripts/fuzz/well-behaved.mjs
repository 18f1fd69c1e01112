// Well-behaved traffic during the live fuzz: pairs of @i2cp/client sessions (one pair per
// dialect) that keep sending each other numbered messages. Every message must arrive, and within
// `deliveryTimeoutMs`: a router busy with garbage must still serve its good clients.
import { connect } from '../../packages/client/dist/index.js';
import { generateDestination, utf8Decode, utf8Encode } from '../../packages/data/dist/index.js';

/** @typedef {import('../../packages/data/dist/index.js').Dialect} Dialect */
/** @typedef {{ problem: string }} Stall */

/**
 * @param {{ port: number, dialects: readonly Dialect[], window: number, deliveryTimeoutMs: number, onProblem: (p: string) => void }} options
 */
export async function startWellBehaved(options) {
  const { port, window, deliveryTimeoutMs, onProblem } = options;
  /** @type {Map<string, number>} content id → sent at */
  const outstanding = new Map();
  const latencies = /** @type {number[]} */ ([]);
  let sent = 0;
  let delivered = 0;
  let stopping = false;
  /** @type {import('../../packages/client/dist/index.js').Connection[]} */
  const connections = [];
  /** @type {Promise<void>[]} */
  const loops = [];

  for (const dialect of options.dialects) {
    const ends = [];
    for (const name of ['a', 'b']) {
      const connection = await connect({ host: '127.0.0.1', port, dialect, signal: AbortSignal.timeout(10_000) });
      connections.push(connection);
      const keys = generateDestination(dialect === '2003' ? { sigType: 0 } : {});
      const session = await connection.createSession({ keys, signal: AbortSignal.timeout(10_000) });
      ends.push({ name: `${dialect}:${name}`, connection, session });
    }
    for (const [from, to] of [
      [ends[0], ends[1]],
      [ends[1], ends[0]],
    ]) {
      if (from === undefined || to === undefined) continue;
      loops.push(receive(to));
      for (let lane = 0; lane < window; lane++) loops.push(sendLoop(from, to, lane));
    }
  }

  /** @param {{ name: string, session: import('../../packages/client/dist/index.js').Session }} end */
  async function receive(end) {
    try {
      for await (const m of end.session.messages()) {
        const id = utf8Decode(m.payload).split('|')[0] ?? '';
        const at = outstanding.get(id);
        if (at === undefined) {
          onProblem(`${end.name} received ${id}, which is not outstanding (duplicate or corrupt)`);
          continue;
        }
        outstanding.delete(id);
        delivered++;
        latencies.push(Date.now() - at);
      }
    } catch (e) {
      if (!stopping) onProblem(`${end.name} stopped receiving: ${String(e)}`);
    }
  }

  /**
   * @param {{ name: string, session: import('../../packages/client/dist/index.js').Session }} from
   * @param {{ name: string, session: import('../../packages/client/dist/index.js').Session }} to
   * @param {number} lane
   */
  async function sendLoop(from, to, lane) {
    for (let seq = 0; !stopping; seq++) {
      const id = `${from.name}>${to.name}#${lane}.${seq}`;
      outstanding.set(id, Date.now());
      sent++;
      try {
        const result = await from.session.send(to.session.destination, utf8Encode(`${id}|${'x'.repeat(200)}`), {
          signal: AbortSignal.timeout(deliveryTimeoutMs),
        });
        if (!result.success) onProblem(`${id}: status ${result.name}`);
      } catch (e) {
        if (!stopping) onProblem(`${id}: send failed: ${String(e)}`);
        return;
      }
      // Paced by delivery: the next message of this lane goes once this one arrived.
      while (outstanding.has(id) && !stopping) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const [id, at] of outstanding) {
      if (now - at > deliveryTimeoutMs) {
        onProblem(`${id} not delivered within ${deliveryTimeoutMs} ms`);
        outstanding.delete(id);
      }
    }
  }, 250);

  return {
    counts: () => ({ sent, delivered, outstanding: outstanding.size }),
    /** Latency percentiles (ms) of everything delivered so far. */
    latency() {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
    },
    /** Stops sending, waits for what is in flight (bounded), closes the sessions. */
    async stop() {
      stopping = true;
      const deadline = Date.now() + deliveryTimeoutMs;
      while (outstanding.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      clearInterval(watchdog);
      for (const id of outstanding.keys()) onProblem(`${id} not delivered by the end of the run`);
      await Promise.all(connections.map((c) => c.close()));
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, 2000))]);
    },
  };
}
