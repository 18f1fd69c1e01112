import { I2cpError } from '@i2cp/data';

/** The I2cpError an aborted signal stands for: TIMEOUT for AbortSignal.timeout(), ABORTED otherwise. */
export function abortError(signal: AbortSignal): I2cpError {
  const reason: unknown = signal.reason;
  if (reason instanceof I2cpError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new I2cpError('TIMEOUT', 'the operation timed out', { cause: reason });
  }
  return new I2cpError('ABORTED', 'the operation was aborted', { cause: reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal);
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts (then `onAbort` runs, so the caller
 * can forget its pending entry). The abort listener is removed either way.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    onAbort?.();
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort?.();
      promise.catch(() => undefined);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise
      .finally(() => {
        signal.removeEventListener('abort', abort);
      })
      .then(resolve, reject);
  });
}

/** Waits `ms`, or rejects when `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return raceSignal(done, signal, () => {
    clearTimeout(timer);
  });
}

/** One signal that aborts when any of the given ones does (undefined entries are skipped). */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}
