// The throughput matrix every system is measured on (relay, i2pd, router stub), so their figures
// compare case for case: payload sizes × sender/receiver pairs, saturating, plus open-loop paced
// cases for latency. Results are kept by case key for the summary's ratios.
import os from 'node:os';
import { runBestOf } from './load.mjs';
import { loadResultRow } from './part.mjs';

const KIB = 1024;
export const SIZES = [64, KIB, 32 * KIB];
export const PAIRS = [1, 10, 100];
export const PACED_RATE = 10_000;
/** A paced case runs only if one pair saturating reached this multiple of its rate. */
const PACED_HEADROOM = 1.25;
const QUICK_SIZES = [KIB];
const QUICK_PAIRS = [1, 10];

/**
 * @typedef {{ key: string, label: string, size: number, pairs: number, rate: number }} MatrixCase
 * @typedef {Map<string, import('./load.mjs').LoadResult>} MatrixResults results by case key
 */

/** @param {number} size */
export function sizeLabel(size) {
  return size >= KIB ? `${size / KIB} KiB` : `${size} B`;
}

/**
 * @param {number} size
 * @param {number} pairs
 * @param {number} [rate]
 */
export function caseKey(size, pairs, rate = 0) {
  return `${size}/${pairs}/${rate}`;
}

/**
 * @param {import('./part.mjs').BenchContext} context
 * @returns {MatrixCase[]}
 */
export function matrixCases(context) {
  const sizes = context.quick ? QUICK_SIZES : SIZES;
  const pairs = context.quick ? QUICK_PAIRS : PAIRS;
  /** @type {MatrixCase[]} */
  const cases = [];
  for (const size of sizes) {
    for (const p of pairs) cases.push({ key: caseKey(size, p), label: `${sizeLabel(size)}, ${p} pair${p > 1 ? 's' : ''}, saturating`, size, pairs: p, rate: 0 });
  }
  for (const p of [1, 10]) {
    cases.push({ key: caseKey(KIB, p, PACED_RATE), label: `1 KiB, ${p} pair${p > 1 ? 's' : ''}, ${PACED_RATE.toLocaleString('en-US')} msgs/s offered`, size: KIB, pairs: p, rate: PACED_RATE });
  }
  return cases;
}

/**
 * Runs every matrix case against one system; a failing case becomes a row saying so (the other
 * cases still run).
 * @param {import('./part.mjs').BenchContext} context
 * @param {object} system
 * @param {string} system.name label in logs and the `system` column
 * @param {URL} system.adapter
 * @param {Record<string, unknown>} [system.options] adapter options for both processes
 * @param {number} [system.repeat] runs per case (default context.repeat)
 * @param {() => Promise<{ port: number, stop(): Promise<void> }>} system.start a router for one
 *   case (or the same one each time)
 * @param {MatrixCase[]} [cases] default: matrixCases(context)
 * @returns {Promise<{ rows: import('./part.mjs').BenchRow[], results: MatrixResults }>}
 */
export async function runMatrix(context, system, cases = matrixCases(context)) {
  /** @type {import('./part.mjs').BenchRow[]} */
  const rows = [];
  /** @type {MatrixResults} */
  const results = new Map();
  for (const c of cases) {
    // Open-loop pacing above what the system can do at all only measures its queue growing.
    const ceiling = c.rate > 0 ? results.get(caseKey(c.size, 1))?.msgsPerSec : undefined;
    if (ceiling !== undefined && ceiling < c.rate * PACED_HEADROOM) {
      rows.push({ system: system.name, case: c.label, 'msgs/s': `not run: saturates at ${ceiling.toFixed(0)} msgs/s` });
      continue;
    }
    context.log(`${system.name}: ${c.label}`);
    const router = await system.start();
    try {
      const options = { ...system.options, port: router.port };
      const result = await runBestOf(system.repeat ?? context.repeat, {
        adapter: system.adapter,
        receiverOptions: options,
        senderOptions: options,
        size: c.size,
        pairs: c.pairs,
        rate: c.rate,
        warmupMs: context.warmupMs,
        durationMs: context.durationMs,
      });
      results.set(c.key, result);
      // The 1-minute load average after the case: other work on the machine shows up here.
      rows.push({ system: system.name, ...loadResultRow(c.label, result), load: Number(os.loadavg()[0]?.toFixed(1)) });
    } catch (error) {
      context.log(`${system.name}: ${c.label} failed: ${error instanceof Error ? error.message : String(error)}`);
      rows.push({ system: system.name, case: c.label, 'msgs/s': 'failed', lost: String(error instanceof Error ? error.message : error).split('\n')[0]?.slice(0, 80) ?? '' });
    } finally {
      await router.stop();
    }
  }
  return { rows, results };
}
