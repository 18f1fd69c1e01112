/**
 * Enforces the admin's bandwidth limits on local traffic: each message is sent by one local
 * session (up) and received by another (down), so it passes both token buckets; a deficit becomes
 * a delivery delay, which keeps the order of messages and never drops one.
 */
import type { TrafficLimits } from './admin-hook.js';

class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly burst: number;

  /** `rate` bytes per second, up to `burst` bytes saved while idle. */
  constructor(rate: number, burst: number, now: number) {
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  /** Takes `bytes` (going into debt if needed) and returns how long the debt takes to repay, in ms. */
  take(bytes: number, now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }
}

export class TrafficShaper {
  private up: TokenBucket | undefined;
  private down: TokenBucket | undefined;

  set(limits: TrafficLimits | undefined, now = Date.now()): void {
    this.up = bucket(limits?.averageUpBps ?? 0, limits?.peakUpBps ?? 0, now);
    this.down = bucket(limits?.averageDownBps ?? 0, limits?.peakDownBps ?? 0, now);
  }

  /** The delay in ms that keeps a message of `bytes` within both limits (0 when unlimited). */
  delay(bytes: number, now: number): number {
    if (this.up === undefined && this.down === undefined) return 0;
    return Math.max(this.up?.take(bytes, now) ?? 0, this.down?.take(bytes, now) ?? 0);
  }
}

/** One second of the peak rate may be spent at once; 0 means unlimited. */
function bucket(average: number, peak: number, now: number): TokenBucket | undefined {
  return average > 0 ? new TokenBucket(average, Math.max(average, peak), now) : undefined;
}
