/** Time as the handler sees it; tests substitute a manual clock. */
export interface AdminClock {
  /** ms since the epoch. */
  now(): number;
  /** Calls `callback` once after `delayMs`; the returned function cancels it. Must not keep the process alive. */
  schedule(delayMs: number, callback: () => void): () => void;
}

export const systemClock: AdminClock = {
  now: () => Date.now(),
  schedule(delayMs, callback) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => {
      clearTimeout(timer);
    };
  },
};

export function sleep(clock: AdminClock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.schedule(ms, resolve));
}
