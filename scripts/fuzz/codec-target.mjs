// Target `codec`: worker threads decode mutated frames of both dialects (codec-check.mjs). A
// worker whose current input does not change for `hangMs` is stopped and the input recorded as
// a hang; the run goes on from the next input.
import { Worker } from 'node:worker_threads';
import { codecInput } from './codec-check.mjs';

/**
 * @param {{ seed: number, seconds: number, workers: number, hangMs: number, seeds: Record<'2003' | 'current', Uint8Array[]>,
 *   findings: import('./findings.mjs').FindingLog, signal: AbortSignal }} options
 * @returns {{ done: Promise<void>, inputs: () => number }}
 */
export function runCodecTarget(options) {
  const { seed, workers, hangMs, seeds, findings } = options;
  // Per worker: [current input, inputs done]; the last cell is the stop flag.
  const progress = new SharedArrayBuffer(4 * (workers * 2 + 1));
  const shared = new Int32Array(progress);
  let restartedDone = 0;
  const stop = () => Atomics.store(shared, shared.length - 1, 1);
  options.signal.addEventListener('abort', stop, { once: true });

  /** @param {number} slot @param {number} first */
  const start = (slot, first) => {
    const worker = new Worker(new URL('./codec-worker.mjs', import.meta.url), {
      workerData: { seed, first, stride: workers, progress, slot, seeds },
    });
    worker.on('message', (/** @type {any} */ m) => {
      const file = findings.add({ target: 'codec', kind: 'exception', error: m.error, stack: m.stack, bytes: m.bytes, context: { seed, index: m.index, how: m.how, cuts: m.cuts, dialect: m.dialect, stage: m.stage } });
      if (file !== undefined) console.log(`codec finding: ${m.stage} (${m.dialect}) ${m.error}\n  input ${m.index} (${m.how}) → ${file}`);
    });
    return new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', () => resolve(undefined));
      watch(worker, slot);
    });
  };

  /** @param {Worker} worker @param {number} slot */
  const watch = (worker, slot) => {
    let last = -1;
    let since = Date.now();
    const timer = setInterval(() => {
      if (Atomics.load(shared, shared.length - 1) === 1) return clearInterval(timer);
      const current = Atomics.load(shared, slot * 2);
      if (current !== last) {
        last = current;
        since = Date.now();
        return;
      }
      if (Date.now() - since < hangMs) return;
      clearInterval(timer);
      const input = codecInput(seed, current, seeds);
      const file = findings.add({ target: 'codec', kind: 'hang', error: `no progress within ${hangMs} ms`, bytes: input.bytes, context: { seed, index: current, how: input.how, cuts: input.cuts } });
      console.log(`codec finding: hang on input ${current} (${input.how}) → ${file ?? 'known'}`);
      restartedDone += Atomics.load(shared, slot * 2 + 1);
      Atomics.store(shared, slot * 2 + 1, 0);
      void worker.terminate();
      running[slot] = start(slot, current + workers);
    }, Math.min(250, hangMs / 4));
    timer.unref();
  };

  /** @type {Promise<unknown>[]} */
  const running = Array.from({ length: workers }, (_, slot) => start(slot, slot));
  const done = (async () => {
    // Restarted workers replace their slot; wait until every slot's latest worker ended.
    for (;;) {
      const current = [...running];
      await Promise.all(current);
      if (current.every((p, i) => p === running[i])) return;
    }
  })();
  const inputs = () => restartedDone + Array.from({ length: workers }, (_, i) => Atomics.load(shared, i * 2 + 1)).reduce((a, b) => a + b, 0);
  return { done, inputs };
}
