// Latency histogram with logarithmic buckets (1 % wide): bounded memory at millions of samples,
// percentiles accurate to 1 %.

const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 3000; // 1.01^3000 ns is far beyond any run

export class Histogram {
  #counts = new Float64Array(BUCKETS);
  count = 0;

  /** @param {number} ns */
  record(ns) {
    const bucket = ns <= 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ns) / LOG_GROWTH));
    this.#counts[bucket] = (this.#counts[bucket] ?? 0) + 1;
    this.count++;
  }

  /** @param {{ counts: number[], count: number }} plain what toJSON() returned */
  static fromJSON(plain) {
    const h = new Histogram();
    h.#counts.set(plain.counts);
    h.count = plain.count;
    return h;
  }

  /** Plain form for IPC. */
  toJSON() {
    return { counts: Array.from(this.#counts), count: this.count };
  }

  /**
   * Upper bound of the bucket holding quantile q, in nanoseconds (NaN when empty).
   * @param {number} q 0..1
   */
  quantile(q) {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i] ?? 0;
      if (seen >= rank) return GROWTH ** i;
    }
    return GROWTH ** (BUCKETS - 1);
  }
}
