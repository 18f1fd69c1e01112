import { timingSafeEqual } from 'node:crypto';
import { matchesAuthenticationKey, type PassphraseHash } from './passphrase-hash.js';

export type KeyVerdict = 'valid' | 'invalid' | 'aborted';

export interface KeyCheckOptions {
  /** How many scrypt checks may run at once (each takes 16 MiB and some tens of ms). */
  readonly concurrency?: number;
  /** The scrypt check; tests substitute one that counts its calls. */
  readonly match?: (key: Uint8Array, stored: PassphraseHash) => Promise<boolean>;
}

/**
 * Decides whether an AuthenticationKey is the current one. The key last proven to hash to the
 * current stored hash (by scrypt, or because it was just set) is kept in memory, so once it is
 * known every check is one constant-time comparison: the operator never waits for scrypt, and a
 * wrong key costs nothing. Until it is known, keys are checked with scrypt, a few at a time and
 * outside any other queue; a check whose signal aborts (its client left) before its turn never runs.
 */
export class KeyCheck {
  private stored: PassphraseHash | undefined;
  /** A key that hashes to `stored`, or undefined while none has been proven. */
  private known: Uint8Array | undefined;
  private running = 0;
  private readonly waiting = new Set<() => void>();
  private readonly concurrency: number;
  private readonly match: (key: Uint8Array, stored: PassphraseHash) => Promise<boolean>;

  constructor(options: KeyCheckOptions = {}) {
    this.concurrency = options.concurrency ?? 2;
    this.match = options.match ?? matchesAuthenticationKey;
  }

  /**
   * Makes `stored` the hash keys are checked against, with `key` if it is known to hash to it. A
   * different hash forgets the remembered key at once, so an old passphrase stops working at once.
   */
  use(stored: PassphraseHash | undefined, key?: Uint8Array): void {
    if (stored !== this.stored) this.known = undefined;
    this.stored = stored;
    if (stored !== undefined && key?.length === 32) this.known = key.slice();
  }

  /** Synchronous: true only if `key` is the remembered current key. */
  isKnown(key: Uint8Array | undefined): boolean {
    return key?.length === 32 && this.known !== undefined && timingSafeEqual(key, this.known);
  }

  async verify(key: Uint8Array | undefined, signal?: AbortSignal): Promise<KeyVerdict> {
    if (signal?.aborted === true) return 'aborted';
    if (key?.length !== 32) return 'invalid';
    const known = this.byKnownKey(key);
    if (known !== undefined) return known;
    if (!(await this.acquire(signal))) return 'aborted';
    try {
      // Another check may have proven the key while this one waited.
      const provenMeanwhile = this.byKnownKey(key);
      if (provenMeanwhile !== undefined) return provenMeanwhile;
      const stored = this.stored;
      if (stored === undefined) return 'invalid';
      if (!(await this.match(key, stored))) return 'invalid';
      // A key proven against a hash that was replaced meanwhile is the old passphrase: refused.
      if (stored !== this.stored) return 'invalid';
      this.known = key.slice();
      return 'valid';
    } finally {
      this.release();
    }
  }

  /** The verdict of the remembered key, or undefined while none is remembered. */
  private byKnownKey(key: Uint8Array): KeyVerdict | undefined {
    if (this.known === undefined) return undefined;
    return this.isKnown(key) ? 'valid' : 'invalid';
  }

  /** Waits for a free scrypt slot; false (and no slot) if `signal` aborts first. */
  private acquire(signal: AbortSignal | undefined): Promise<boolean> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.waiting.delete(take);
        resolve(false);
      };
      const take = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.running++;
        resolve(true);
      };
      this.waiting.add(take);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    this.running--;
    const next = this.waiting.values().next();
    if (next.done === true) return;
    this.waiting.delete(next.value);
    next.value();
  }
}
