/** How a dropped connection is retried: exponential backoff with full jitter, capped. */
export interface ReconnectPolicy {
  /** First delay in ms (default 250). */
  readonly initialDelayMs?: number;
  /** Largest delay in ms (default 30 000). */
  readonly maxDelayMs?: number;
  /** Attempts before giving up (default Infinity: retry until close()). */
  readonly maxAttempts?: number;
}

export const defaultReconnectPolicy: Required<ReconnectPolicy> = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/**
 * Delay before attempt `attempt` (0-based). Full jitter keeps many clients of one restarted router
 * from reconnecting in lockstep; `random` is injectable so tests can pin it.
 */
export function backoffDelay(policy: Required<ReconnectPolicy>, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
