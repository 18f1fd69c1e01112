// What a benchmark part is (one module per part in scripts/bench/, found by scripts/bench.mjs) and
// the row format shared by the throughput parts, so their tables compare column for column.

/**
 * @typedef {Record<string, string | number>} BenchRow one table row; keys are column headings
 *
 * @typedef {object} BenchContext
 * @property {number} durationMs measured time per case
 * @property {number} warmupMs unmeasured time before each case
 * @property {number} repeat runs per case; parts report the best (`runBestOf`)
 * @property {(line: string) => void} log progress output (not part of the table)
 * @property {(name: string) => Promise<any>} loadPackage the built `@i2cp/<name>` from
 *   packages/<name>/dist, or undefined when it is not built
 * @property {boolean} quick smoke run: parts run fewer, shorter cases
 * @property {Map<string, unknown>} results what parts of this run measured, by part name (for
 *   parts that compare, e.g. the summary)
 * @property {string} command the command line of this run, for the report
 *
 * @typedef {object} BenchTable
 * @property {string} [heading] sub-heading (### …)
 * @property {string} [text] paragraph before the table
 * @property {BenchRow[]} rows
 *
 * @typedef {object} BenchPart
 * @property {string} name what `pnpm bench <name>` selects
 * @property {string} title section heading in BENCHMARKS.md
 * @property {string} description what is measured and how, shown under the heading
 * @property {number} [order] parts run by order, then name (default 0)
 * @property {(context: BenchContext) => Promise<BenchRow[] | { tables: BenchTable[] } | { skipped: string }>} run
 */

/**
 * @param {string} label
 * @param {import('./load.mjs').LoadResult} result
 * @returns {BenchRow}
 */
export function loadResultRow(label, result) {
  return {
    case: label,
    'msgs/s': finite(result.msgsPerSec, (v) => v.toFixed(0)),
    'MB/s': finite(result.megabytesPerSec, (v) => v.toFixed(1)),
    'p50 ms': finite(result.p50Ms, (v) => v.toPrecision(3)),
    'p99 ms': finite(result.p99Ms, (v) => v.toPrecision(3)),
    'p99.9 ms': finite(result.p999Ms, (v) => v.toPrecision(3)),
    lost: result.sent - result.received,
  };
}

/**
 * @param {number} value
 * @param {(v: number) => string} format
 */
function finite(value, format) {
  return Number.isFinite(value) ? Number(format(value)) : 'n/a';
}
