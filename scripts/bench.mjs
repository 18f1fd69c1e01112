// `pnpm bench [part…] [--part=name,…] [--quick] [--duration=ms] [--warmup=ms] [--repeat=n] [--no-write] [--list]`
// Runs the selected benchmark parts (every module in scripts/bench/*.mjs whose default export is
// a part; all of them when none is named), prints each table, and rewrites that part's section of
// BENCHMARKS.md with the machine, date, command and figures. Other sections are left as they are.
// Parts run in their `order` (then by name); later parts see earlier parts' results of the same
// run (`context.results`), which is how the summary computes ratios. `--quick` is a smoke run:
// short cases, fewer sizes and pairs, a small scale test, and BENCHMARKS.md is not written.
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS_DIR = path.join(ROOT, 'scripts', 'bench');
const REPORT = path.join(ROOT, 'BENCHMARKS.md');
const REPORT_INTRO = `# Benchmarks

Figures written by \`pnpm bench\` (\`scripts/bench.mjs\`); each section is rewritten by its own part
(\`pnpm bench <part>\`) and says on which machine and when it was measured. Compare figures only
within one machine. Timings are never asserted by tests.
`;

const args = process.argv.slice(2);
const HELP = `usage: pnpm bench [part…] [--part=name[,name…]] [--quick] [--duration=ms] [--warmup=ms] [--repeat=n] [--no-write] [--list]

  part, --part   parts to run (default: all, in order); --list shows them
  --quick        smoke run: 300 ms cases after 100 ms warm-up, fewer cases, 1,000 sessions in the
                 scale part; implies --no-write
  --duration     measured ms per case (default 3000), --warmup unmeasured ms before it (default 500)
  --repeat       runs per throughput case, the best is kept (default 1)
  --no-write     print only; leave BENCHMARKS.md as it is`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const quick = args.includes('--quick');
const write = !quick && !args.includes('--no-write');
const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number of milliseconds`);
  return value;
};
/** @type {import('./bench/lib/part.mjs').BenchContext} */
const context = {
  durationMs: option('duration', quick ? 300 : 3_000),
  warmupMs: option('warmup', quick ? 100 : 500),
  repeat: Math.max(1, Math.floor(option('repeat', 1))),
  quick,
  results: new Map(),
  command: `pnpm bench ${args.join(' ')}`.trim(),
  log: (/** @type {string} */ line) => console.error(`  … ${line}`),
  loadPackage,
};

let failed = false;
const parts = await discoverParts();
if (args.includes('--list')) {
  for (const part of parts.values()) console.log(`${part.name.padEnd(12)} ${part.title}`);
  process.exit(0);
}
const wanted = [
  ...args.filter((a) => !a.startsWith('--')),
  ...args.filter((a) => a.startsWith('--part=')).flatMap((a) => a.slice('--part='.length).split(',')).filter(Boolean),
];
const unknown = wanted.filter((name) => !parts.has(name));
if (unknown.length > 0) {
  console.error(`unknown bench part(s): ${unknown.join(', ')}; available: ${[...parts.keys()].join(', ')}`);
  process.exit(2);
}
const selected = (wanted.length > 0 ? [...new Set(wanted)].map((name) => /** @type {Part} */ (parts.get(name))) : [...parts.values()]).sort(
  (a, b) => (a.order ?? 0) - (b.order ?? 0),
);

for (const part of selected) {
  console.log(`\n## ${part.title} (${part.name})`);
  const started = Date.now();
  try {
    const outcome = await part.run(context);
    if ('skipped' in outcome) {
      console.log(`skipped: ${outcome.skipped}`);
      const note = `Not measured yet (${new Date(started).toISOString().slice(0, 10)}): ${outcome.skipped}.\n`;
      if (write) await writeSection(part, `## ${part.title}\n\n${part.description}\n\n${note}`, { keepExisting: true });
    } else {
      const tables = Array.isArray(outcome) ? [{ rows: outcome }] : outcome.tables;
      const content = tables
        .map((t) => [t.heading && `### ${t.heading}`, t.text, t.rows.length > 0 ? markdownTable(t.rows) : undefined].filter(Boolean).join('\n\n'))
        .join('\n\n');
      console.log(content);
      if (write) await writeSection(part, sectionBody(part, content, started));
    }
  } catch (error) {
    failed = true;
    console.error(`!! ${part.name} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;

/** @typedef {import('./bench/lib/part.mjs').BenchPart} Part */

/** @returns {Promise<Map<string, Part>>} */
async function discoverParts() {
  /** @type {Map<string, Part>} */
  const found = new Map();
  const files = (await readdir(PARTS_DIR)).filter((f) => f.endsWith('.mjs')).sort();
  for (const file of files) {
    try {
      const part = (await import(pathToFileURL(path.join(PARTS_DIR, file)).href)).default;
      if (part && typeof part.name === 'string' && typeof part.run === 'function') found.set(part.name, part);
    } catch (error) {
      // One broken part must not keep the others from running.
      failed = true;
      console.error(`!! scripts/bench/${file} could not be loaded:`, error);
    }
  }
  return found;
}

/**
 * The built package (packages/<name>/dist/index.js), or undefined when it has not been built.
 * @param {string} name
 */
async function loadPackage(name) {
  const entry = path.join(ROOT, 'packages', name, 'dist', 'index.js');
  return existsSync(entry) ? import(pathToFileURL(entry).href) : undefined;
}

/** @param {import('./bench/lib/part.mjs').BenchRow[]} rows */
function markdownTable(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (/** @type {string | number | undefined} */ v) =>
    typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 6 }) : (v ?? '');
  const lines = [columns, columns.map(() => '---'), ...rows.map((row) => columns.map((c) => cell(row[c])))];
  const widths = columns.map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  return lines
    .map((line, n) =>
      `| ${line.map((v, i) => (n === 1 ? '-'.repeat(widths[i] ?? 3) : String(v).padEnd(widths[i] ?? 0))).join(' | ')} |`,
    )
    .join('\n');
}

/**
 * @param {Part} part
 * @param {string} content
 * @param {number} started
 */
function sectionBody(part, content, started) {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const date = new Date(started).toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace('T', ' ');
  const best = context.repeat > 1 ? `, best of ${context.repeat} runs` : '';
  const timing = `${context.warmupMs} ms warm-up + ${context.durationMs} ms per case${best}`;
  // The machine may be shared; the load average says how much the figures were disturbed.
  const load = os.loadavg()[0]?.toFixed(2) ?? '?';
  return [
    `## ${part.title}`,
    '',
    part.description,
    '',
    `Machine: ${cpu}, ${os.cpus().length} cores, ${memory}, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}.`,
    `Measured ${date} with \`${context.command}\` (${timing}; load average ${load} at the end).`,
    '',
    content,
    '',
  ].join('\n');
}

/**
 * Replaces the text between this part's markers in BENCHMARKS.md, or appends the section.
 * @param {Part} part
 * @param {string} body
 * @param {{ keepExisting?: boolean }} [options] keep an existing section (a skip must not erase figures)
 */
async function writeSection(part, body, options = {}) {
  const begin = `<!-- bench:${part.name} -->`;
  const end = `<!-- /bench:${part.name} -->`;
  const current = existsSync(REPORT) ? await readFile(REPORT, 'utf8') : REPORT_INTRO;
  const section = `${begin}\n${body}${end}`;
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  let next;
  if (from >= 0 && to > from) {
    if (options.keepExisting) return;
    next = current.slice(0, from) + section + current.slice(to + end.length);
  } else {
    next = `${current.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(REPORT, next);
  console.log(`(BENCHMARKS.md: section '${part.name}' updated)`);
}
