// Seeded randomness and the mutations of valid frames. Input number i of a run is a pure
// function of (seed, i), so any input can be regenerated from its number alone: a worker that
// hangs or a finding only has to report the number.

/**
 * @typedef {object} Random
 * @property {() => number} next uniform in [0, 1)
 * @property {(n: number) => number} int uniform integer in [0, n)
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {(n: number) => Uint8Array} bytes
 */

/**
 * mulberry32 (public domain): small, fast, good enough to spread inputs; not for secrets.
 * @param {number} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (/** @type {number} */ n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    bytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = int(256);
      return out;
    },
  };
}

/** The generator of input `index` of the run seeded `seed` (independent of every other input). */
export function randomFor(/** @type {number} */ seed, /** @type {number} */ index) {
  return createRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

/** Values that sit on the edges of length and integer fields. */
const EDGE_U32 = [0, 1, 4, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const EDGE_U16 = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff];

/**
 * @typedef {(r: Random, frame: Uint8Array, seeds: readonly Uint8Array[]) => Uint8Array} Mutator
 * @type {Record<string, Mutator>}
 */
const MUTATORS = {
  bitFlips(r, frame) {
    const out = frame.slice();
    if (out.length === 0) return out;
    for (let n = 1 + r.int(8); n > 0; n--) {
      const i = r.int(out.length);
      out[i] = (out[i] ?? 0) ^ (1 << r.int(8));
    }
    return out;
  },
  byteSet(r, frame) {
    const out = frame.slice();
    if (out.length === 0) return out;
    for (let n = 1 + r.int(4); n > 0; n--) out[r.int(out.length)] = r.pick([0, 0xff, 0x7f, 0x80, 1, r.int(256)]);
    return out;
  },
  insertBytes(r, frame) {
    const at = r.int(frame.length + 1);
    return concat(frame.subarray(0, at), r.bytes(1 + r.int(r.next() < 0.9 ? 8 : 300)), frame.subarray(at));
  },
  deleteBytes(r, frame) {
    const at = r.int(frame.length + 1);
    return concat(frame.subarray(0, at), frame.subarray(Math.min(frame.length, at + 1 + r.int(16))));
  },
  /** A body length that does not match the body: the framing layer's classic lie. */
  frameLengthLie(r, frame) {
    const out = frame.slice();
    if (out.length < 4) return out;
    const actual = out.length - 5;
    const lie = r.pick([actual + 1, Math.max(0, actual - 1), 0, r.int(0x20000), r.pick(EDGE_U32)]);
    new DataView(out.buffer).setUint32(0, lie >>> 0);
    return out;
  },
  /** A length or count field inside the body (any aligned-looking spot) set to an edge value. */
  innerLengthLie(r, frame) {
    const out = frame.slice();
    if (out.length < 7) return out;
    const view = new DataView(out.buffer);
    const at = 5 + r.int(out.length - 5);
    const width = r.pick([1, 2, 4]);
    if (at + width > out.length) return out;
    if (width === 1) out[at] = r.pick([0, 1, 0xff, r.int(256)]);
    else if (width === 2) view.setUint16(at, r.pick(EDGE_U16));
    else view.setUint32(at, r.pick(EDGE_U32) >>> 0);
    return out;
  },
  truncate(r, frame) {
    return frame.slice(0, r.int(frame.length + 1));
  },
  /** The head of one frame and the tail of another (same or other type). */
  splice(r, frame, seeds) {
    const other = r.pick(seeds);
    return concat(frame.subarray(0, r.int(frame.length + 1)), other.subarray(r.int(other.length + 1)));
  },
  /** A header announcing far more than will come: must be refused before anything is buffered. */
  hugeLength(r, frame) {
    const out = frame.slice();
    if (out.length < 5) return out;
    new DataView(out.buffer).setUint32(0, r.pick([0x10001, 0x100000, 0x7fffffff, 0xffffffff, 0x10000 + r.int(0x1000000)]));
    return out.subarray(0, 5 + r.int(Math.min(64, out.length - 4)));
  },
  /** The body of one message under another type id: every decoder sees every other's bytes. */
  typeSwap(r, frame) {
    const out = frame.slice();
    if (out.length < 5) return out;
    out[4] = r.next() < 0.8 ? 1 + r.int(42) : r.int(256);
    return out;
  },
  /** Several valid frames back to back, one of them mutated. */
  sequence(r, frame, seeds) {
    const parts = Array.from({ length: 1 + r.int(4) }, () => r.pick(seeds));
    parts.splice(r.int(parts.length + 1), 0, mutateOnce(r, frame, seeds));
    return concat(...parts);
  },
  /** A valid header with random bytes for its body. */
  randomBody(r, frame) {
    const body = r.bytes(r.int(r.next() < 0.9 ? 64 : 2000));
    const out = new Uint8Array(5 + body.length);
    new DataView(out.buffer).setUint32(0, body.length);
    out[4] = frame[4] ?? r.int(256);
    out.set(body, 5);
    return out;
  },
  randomBytes(r) {
    return r.bytes(r.int(r.next() < 0.9 ? 64 : 4000));
  },
};

const NAMES = Object.keys(MUTATORS);

/** @param {Random} r @param {Uint8Array} frame @param {readonly Uint8Array[]} seeds */
function mutateOnce(r, frame, seeds) {
  const name = r.pick(NAMES.filter((n) => n !== 'sequence'));
  return /** @type {Mutator} */ (MUTATORS[name])(r, frame, seeds);
}

/**
 * One fuzz input: a seed frame with 1–3 stacked mutations (the first named in `how`).
 * @param {Random} r
 * @param {readonly Uint8Array[]} seeds
 * @returns {{ bytes: Uint8Array, how: string, seedIndex: number }}
 */
export function mutate(r, seeds) {
  const seedIndex = r.int(seeds.length);
  let bytes = /** @type {Uint8Array} */ (seeds[seedIndex]);
  const how = [];
  for (let n = 1 + (r.next() < 0.3 ? r.int(3) : 0); n > 0; n--) {
    const name = r.pick(NAMES);
    how.push(name);
    bytes = /** @type {Mutator} */ (MUTATORS[name])(r, bytes, seeds);
  }
  return { bytes, how: how.join('+'), seedIndex };
}

/** @param {...Uint8Array} parts */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Hex for reproducers and regression tests. */
export function toHexString(/** @type {Uint8Array} */ bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
