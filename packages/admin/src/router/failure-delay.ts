/**
 * Slows repeated authentication failures from one host: 100 ms after the first, doubling up to
 * 5 s, forgotten after a success or a quiet period. The map is bounded so a flood of addresses
 * cannot grow memory; the oldest entry goes first.
 */
export interface FailureDelayOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
  /** Failures older than this no longer count. */
  readonly forgetAfterMs?: number;
  readonly maxEntries?: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
}

export class FailureDelay {
  private readonly entries = new Map<string, Entry>();
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly forgetAfterMs: number;
  private readonly maxEntries: number;

  constructor(options: FailureDelayOptions = {}) {
    this.initialMs = options.initialMs ?? 100;
    this.maxMs = options.maxMs ?? 5000;
    this.forgetAfterMs = options.forgetAfterMs ?? 15 * 60_000;
    this.maxEntries = options.maxEntries ?? 1024;
  }

  /** Records a failure from `remoteAddress` at `now` and returns how long to wait before answering. */
  recordFailure(remoteAddress: string, now: number): number {
    const host = hostOf(remoteAddress);
    const previous = this.entries.get(host);
    const failures = previous !== undefined && now - previous.lastFailureAt < this.forgetAfterMs ? previous.failures + 1 : 1;
    // Re-inserting keeps Map order = least recently failed first, which is what eviction drops.
    this.entries.delete(host);
    this.entries.set(host, { failures, lastFailureAt: now });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return Math.min(this.maxMs, this.initialMs * 2 ** Math.min(failures - 1, 30));
  }

  recordSuccess(remoteAddress: string): void {
    this.entries.delete(hostOf(remoteAddress));
  }

  get size(): number {
    return this.entries.size;
  }
}

/** "127.0.0.1:54321" → "127.0.0.1": every new connection has a new port, so the port must not count. */
export function hostOf(remoteAddress: string): string {
  return remoteAddress.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
}
