import { I2cpError } from '@i2cp/data';

/** The I2cpError an aborted signal stands for: TIMEOUT for AbortSignal.timeout, ABORTED otherwise. */
export function abortError(signal: AbortSignal, what: string): I2cpError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return timedOut
    ? new I2cpError('TIMEOUT', `${what} timed out`, { cause: reason })
    : new I2cpError('ABORTED', `${what} was aborted`, { cause: reason });
}

/**
 * Settles with `promise`, or rejects with ABORTED/TIMEOUT as soon as `signal` aborts.
 * The listener is removed either way, so long-lived signals do not accumulate listeners.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal, what));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortError(signal, what));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The caller's signal combined with a per-request timeout (none when `timeoutMs` is 0). */
export function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal | undefined {
  if (timeoutMs <= 0) return signal;
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
}
