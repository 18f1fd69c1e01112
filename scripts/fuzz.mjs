// pnpm fuzz [--seconds N] [--seed N] [--target codec|router|all] [--workers N] [--connections N]
//           [--heap-growth-mib N] [--refresh-seeds]
// Structure-aware fuzzing of the codec and of a live router stub (see fuzz/README.md). Prints
// progress every 5 s and a summary; exits 1 when anything was found (reproducers in
// .fuzz/findings/), 2 on a usage error.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runCodecTarget } from './fuzz/codec-target.mjs';
import { FINDINGS_DIR, FindingLog } from './fuzz/findings.mjs';
import { runRouterTarget } from './fuzz/router-target.mjs';
import { loadSeeds } from './fuzz/seeds.mjs';

const args = (() => {
  try {
    return parseArgs({
      options: {
        seconds: { type: 'string', default: '30' },
        seed: { type: 'string' },
        target: { type: 'string', default: 'all' },
        workers: { type: 'string' },
        connections: { type: 'string', default: '48' },
        'heap-growth-mib': { type: 'string', default: '64' },
        'delivery-timeout-ms': { type: 'string', default: '5000' },
        'hang-ms': { type: 'string', default: '2000' },
        'refresh-seeds': { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    console.error(String(e));
    return process.exit(2);
  }
})();
const int = (/** @type {string} */ name, /** @type {unknown} */ value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${String(value)}`);
    process.exit(2);
  }
  return n;
};
const target = String(args.target);
if (!['codec', 'router', 'all'].includes(target)) {
  console.error(`--target must be codec, router or all, got ${target}`);
  process.exit(2);
}
const seconds = int('seconds', args.seconds);
const seed = args.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : int('seed', args.seed);
const workers = args.workers === undefined ? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))) : int('workers', args.workers);

const seeds = loadSeeds({ refresh: args['refresh-seeds'] === true });
const findings = new FindingLog();
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const started = Date.now();
console.log(
  `fuzz: target ${target}, ${seconds} s, seed ${seed} (replay: --seed ${seed}), corpus ${seeds['2003'].length} + ${seeds.current.length} frames (2003 + current)`,
);

/** @type {Promise<unknown>[]} */
const runs = [];
/** @type {{ inputs: () => number } | undefined} */
let codec;
if (target !== 'router') {
  const run = runCodecTarget({ seed, seconds, workers, hangMs: int('hang-ms', args['hang-ms']), seeds, findings, signal: controller.signal });
  codec = run;
  let last = 0;
  const progress = setInterval(() => {
    const now = run.inputs();
    console.log(`codec: ${now} inputs (${Math.round((now - last) / 5)}/s, ${workers} workers); findings ${findings.total}`);
    last = now;
  }, 5000);
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  runs.push(
    run.done.finally(() => {
      clearInterval(progress);
      clearTimeout(timer);
    }),
  );
}
/** @type {Awaited<ReturnType<typeof runRouterTarget>> | undefined} */
let router;
if (target !== 'codec') {
  runs.push(
    runRouterTarget({
      seed,
      seconds,
      concurrency: int('connections', args.connections),
      heapGrowthMiB: int('heap-growth-mib', args['heap-growth-mib']),
      deliveryTimeoutMs: int('delivery-timeout-ms', args['delivery-timeout-ms']),
      seeds,
      findings,
      signal: controller.signal,
      log: (line) => console.log(line),
    }).then((r) => {
      router = r;
    }),
  );
}
await Promise.all(runs);

const elapsed = (Date.now() - started) / 1000;
console.log('\nsummary');
console.log(`  seed ${seed}, ${elapsed.toFixed(1)} s`);
if (codec !== undefined) {
  const n = codec.inputs();
  console.log(`  codec: ${n} inputs, ${Math.round(n / Math.min(elapsed, seconds || elapsed))} inputs/s (${workers} workers, both dialects each)`);
}
if (router !== undefined) {
  const w = router.wellBehaved;
  console.log(`  router: ${router.connections} connections, ${router.inputs} inputs, ${Math.round(router.inputs / seconds)} inputs/s`);
  console.log(`  router: well-behaved ${w.delivered}/${w.sent} delivered, latency p50 ${w.latency.p50} ms, p99 ${w.latency.p99} ms, max ${w.latency.max} ms`);
  console.log(`  router: stub heap ${router.memory.baselineHeapMiB} MiB at start, peak ${router.memory.peakHeapMiB} MiB; peak rss ${router.memory.peakRssMiB} MiB`);
}
const unique = findings.unique;
console.log(`  findings: ${findings.total} (${unique.length} distinct)${unique.length > 0 ? `, reproducers in ${FINDINGS_DIR}` : ''}`);
for (const f of unique) console.log(`    ${f.target} ${f.kind}: ${f.error}`);
process.exit(unique.length > 0 ? 1 : 0);
