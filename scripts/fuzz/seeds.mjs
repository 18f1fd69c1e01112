// The seed corpus is kept in seeds.json so that a seed number means the same inputs on every
// machine (the keys in it were generated once by corpus.mjs; `--refresh-seeds` regenerates them).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { messageCatalogue } from '../../packages/codec/dist/index.js';
import { fromHex } from '../../packages/data/dist/index.js';
import { buildSeeds } from './corpus.mjs';
import { toHexString } from './mutate.mjs';

/** @typedef {import('../../packages/data/dist/index.js').Dialect} Dialect */
/** @typedef {Record<Dialect, { name: string, hex: string }[]>} SeedFile */

const FILE = new URL('./seeds.json', import.meta.url);

/**
 * @param {{ refresh?: boolean }} [options]
 * @returns {Record<Dialect, Uint8Array[]>}
 */
export function loadSeeds(options = {}) {
  if (options.refresh === true || !existsSync(FILE)) {
    /** @type {SeedFile} */
    const file = { '2003': [], current: [] };
    for (const dialect of /** @type {const} */ (['2003', 'current'])) {
      file[dialect] = buildSeeds(dialect).map((s) => ({ name: s.name, hex: toHexString(s.bytes) }));
    }
    writeFileSync(FILE, `${JSON.stringify(file, null, 1)}\n`);
  }
  /** @type {SeedFile} */
  const file = JSON.parse(readFileSync(FILE, 'utf8'));
  const seeds = { '2003': file['2003'].map((s) => fromHex(s.hex)), current: file.current.map((s) => fromHex(s.hex)) };
  // A message added to the codec later must get a seed too.
  for (const dialect of /** @type {const} */ (['2003', 'current'])) {
    const have = new Set(seeds[dialect].map((b) => b[4]));
    const missing = messageCatalogue.filter((i) => i.dialects.includes(dialect) && !have.has(i.id)).map((i) => i.name);
    if (missing.length > 0) throw new Error(`seeds.json (${dialect}) lacks ${missing.join(', ')}: run with --refresh-seeds`);
  }
  return seeds;
}
