// Findings: deduplicated by what went wrong and where, written to .fuzz/findings/ with the bytes
// that reproduce them (raw `.bin` and a `.json` with the hex and the context).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../packages/data/dist/index.js';
import { toHexString } from './mutate.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const FINDINGS_DIR = path.join(ROOT, '.fuzz', 'findings');

/** @typedef {{ target: 'codec' | 'router', kind: string, error: string, stack?: string, bytes: Uint8Array, context: Record<string, unknown> }} Finding */

export class FindingLog {
  /** @type {Map<string, Finding>} */
  #unique = new Map();
  #count = 0;

  /** Records a finding; returns the file written, or undefined for a repeat of a known one. */
  add(/** @type {Finding} */ finding) {
    this.#count++;
    const key = `${finding.target}|${finding.kind}|${finding.error.replace(/\d+/g, 'N')}|${firstFrame(finding.stack)}`;
    if (this.#unique.has(key)) return undefined;
    this.#unique.set(key, finding);
    mkdirSync(FINDINGS_DIR, { recursive: true });
    const name = `${finding.target}-${finding.kind}-${toHexString(sha256(finding.bytes)).slice(0, 12)}`;
    const file = path.join(FINDINGS_DIR, name);
    writeFileSync(`${file}.bin`, finding.bytes);
    const { bytes, ...rest } = finding;
    writeFileSync(`${file}.json`, `${JSON.stringify({ ...rest, hex: toHexString(bytes), length: bytes.length }, null, 2)}\n`);
    return `${file}.bin`;
  }

  get total() {
    return this.#count;
  }

  get unique() {
    return [...this.#unique.values()];
  }
}

function firstFrame(/** @type {string | undefined} */ stack) {
  return (stack ?? '').split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
}
