/**
 * A promise with its settle functions (Promise.withResolvers needs Node 22; we support 20).
 * Internal pending slots are often rejected when nobody waits on them any more (a write failed
 * first, the caller gave up): such a rejection is expected, so it never counts as unhandled.
 * Whoever awaits the promise still gets it.
 */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
