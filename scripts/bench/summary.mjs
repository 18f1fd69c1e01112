// Part `summary`: the router stub against its baselines, from the figures the other parts measured
// in this same run (relay, i2pd, router-stub, scale), and the performance targets with verdicts.
// Run it with them (`pnpm bench`, or e.g. `pnpm bench relay i2pd router-stub scale summary`).
import { PACED_RATE, PAIRS, SIZES, caseKey, sizeLabel } from './lib/matrix.mjs';
import { ratio, verdict } from './lib/targets.mjs';

const KIB = 1024;
const TARGET = { ofRelay: 0.6, timesI2pd: 10, p99Ms: 2, sessionKiB: 16, sessions: 10_000 };

/**
 * @typedef {import('./lib/matrix.mjs').MatrixResults} MatrixResults
 * @typedef {import('./scale.mjs').ScaleResult} ScaleResult
 */

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'summary',
  title: 'Summary: router stub against its baselines, and the targets',
  order: 90,
  description: [
    'Computed from the relay, i2pd, router-stub and scale parts of the same run (nothing is measured here).',
    'Ratios are router stub ÷ baseline, msgs/s against msgs/s of the same case; "hand-built" is the stub driven by',
    'hand-built frames (the router alone, as i2pd is measured), "client" the stub with @i2cp/client on both ends.',
    'All processes (load sender, load receiver, router or relay) share the machine\'s 2 cores, so a saturating figure',
    'is what the three processes together allow, not the router\'s own ceiling (the CPU profile in the router-stub',
    'section shows how busy the stub was).',
  ].join(' '),
  async run(context) {
    const relay = /** @type {MatrixResults | undefined} */ (context.results.get('relay'));
    const i2pd = /** @type {MatrixResults | undefined} */ (context.results.get('i2pd'));
    const stub = /** @type {Record<string, MatrixResults> | undefined} */ (context.results.get('router-stub'));
    const scale = /** @type {ScaleResult[] | undefined} */ (context.results.get('scale'));
    if (stub === undefined) return { skipped: 'needs the router-stub part in the same run (with relay, i2pd and scale for the comparisons)' };
    const rate = (/** @type {MatrixResults | undefined} */ m, /** @type {string} */ key) => m?.get(key)?.msgsPerSec;
    const p99 = (/** @type {MatrixResults | undefined} */ m, /** @type {string} */ key) => m?.get(key)?.p99Ms;
    const fmt = (/** @type {number | undefined} */ v, digits = 0) => (v === undefined || !Number.isFinite(v) ? 'n/a' : Number(v.toFixed(digits)));

    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const throughput = [];
    for (const size of SIZES) {
      for (const pairs of PAIRS) {
        const key = caseKey(size, pairs);
        if (!stub['raw']?.has(key) && !stub['current']?.has(key)) continue;
        const hand = rate(stub['raw'], key);
        const lib = rate(stub['current'], key);
        throughput.push({
          case: `${sizeLabel(size)}, ${pairs} pair${pairs > 1 ? 's' : ''}`,
          'relay msgs/s': fmt(rate(relay, key)),
          'i2pd msgs/s': fmt(rate(i2pd, key)),
          'stub hand-built': fmt(hand),
          'stub client current': fmt(lib),
          'stub client 2003 + e2e': fmt(rate(stub['2003'], key)),
          'hand-built ÷ relay': ratio(hand, rate(relay, key)),
          'hand-built ÷ i2pd': ratio(hand, rate(i2pd, key)),
          'client ÷ relay': ratio(lib, rate(relay, key)),
          'client ÷ i2pd': ratio(lib, rate(i2pd, key)),
        });
      }
    }

    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const latency = [];
    for (const pairs of [1, 10]) {
      const key = caseKey(KIB, pairs, PACED_RATE);
      latency.push({
        case: `1 KiB, ${pairs} pair${pairs > 1 ? 's' : ''}, ${PACED_RATE.toLocaleString('en-US')} msgs/s offered`,
        'relay p99 ms': fmt(p99(relay, key), 3),
        'i2pd p99 ms': fmt(p99(i2pd, key), 3),
        'stub hand-built p99 ms': fmt(p99(stub['raw'], key), 3),
        'stub client current p99 ms': fmt(p99(stub['current'], key), 3),
        'stub client 2003 + e2e p99 ms': fmt(p99(stub['2003'], key), 3),
      });
    }

    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const targets = [];
    /**
     * @param {string} name
     * @param {string} target
     * @param {number | undefined} measured
     * @param {string} shown
     * @param {number} goal
     * @param {'at least' | 'at most'} kind
     */
    const add = (name, target, measured, shown, goal, kind) =>
      targets.push({ target: name, wanted: target, measured: shown, verdict: verdict(measured ?? Number.NaN, goal, kind) });
    for (const pairs of PAIRS) {
      const key = caseKey(KIB, pairs);
      if (!stub['raw']?.has(key)) continue;
      const hand = rate(stub['raw'], key);
      const r = hand !== undefined && rate(relay, key) !== undefined ? hand / /** @type {number} */ (rate(relay, key)) : undefined;
      add(`1 KiB, ${pairs} pair${pairs > 1 ? 's' : ''}: stub (hand-built) vs raw relay msgs/s`, '≥ 60 %', r, r === undefined ? 'n/a' : `${(r * 100).toFixed(0)} %`, TARGET.ofRelay, 'at least');
      const lib = rate(stub['current'], key);
      const rl = lib !== undefined && rate(relay, key) !== undefined ? lib / /** @type {number} */ (rate(relay, key)) : undefined;
      add(`1 KiB, ${pairs} pair${pairs > 1 ? 's' : ''}: stub (@i2cp/client) vs raw relay msgs/s`, '≥ 60 %', rl, rl === undefined ? 'n/a' : `${(rl * 100).toFixed(0)} %`, TARGET.ofRelay, 'at least');
    }
    for (const pairs of PAIRS) {
      const key = caseKey(KIB, pairs);
      if (!stub['raw']?.has(key)) continue;
      const hand = rate(stub['raw'], key);
      const base = rate(i2pd, key);
      const r = hand !== undefined && base !== undefined ? hand / base : undefined;
      add(`1 KiB, ${pairs} pair${pairs > 1 ? 's' : ''}: stub (hand-built) vs i2pd msgs/s`, '≥ 10×', r, ratio(hand, base), TARGET.timesI2pd, 'at least');
    }
    for (const pairs of [1, 10]) {
      const key = caseKey(KIB, pairs, PACED_RATE);
      for (const [who, m] of /** @type {const} */ ([['hand-built', stub['raw']], ['@i2cp/client', stub['current']]])) {
        const v = p99(m, key);
        add(`p99 at 10,000 msgs/s offered, 1 KiB, ${pairs} pair${pairs > 1 ? 's' : ''}, stub (${who})`, '< 2 ms', v, v === undefined ? 'n/a' : `${v.toPrecision(3)} ms`, TARGET.p99Ms, 'at most');
      }
    }
    for (const s of scale ?? []) {
      const perSession = s.rssBytes / s.sessions / KIB;
      add(
        `memory per session at ${s.sessions.toLocaleString('en-US')} sessions (${s.perConnection} per connection), stub RSS`,
        '≤ 16 KiB',
        s.sessions >= TARGET.sessions ? perSession : Number.NaN,
        `${perSession.toFixed(1)} KiB`,
        TARGET.sessionKiB,
        'at most',
      );
    }
    return {
      tables: [
        { heading: 'Throughput, saturating (msgs/s, same run)', rows: throughput },
        { heading: `Latency at ${PACED_RATE.toLocaleString('en-US')} msgs/s offered (open loop)`, rows: latency },
        { heading: 'Targets', rows: targets },
      ],
    };
  },
};
