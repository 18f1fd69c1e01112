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

/** Resolves after `ms`, or as soon as `signal` aborts (nobody is waiting any more). */
export function sleep(clock: AdminClock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      cancel();
      resolve();
    };
    const cancel = clock.schedule(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
