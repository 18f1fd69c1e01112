import type { KeyObject } from 'node:crypto';

/**
 * Importing a key into OpenSSL costs more than using it (an Ed25519 private key: ~1 ms to
 * import, ~0.1 ms to sign), and the same few keys sign and verify again and again. This keeps
 * the most recently used KeyObjects, keyed by content (so a caller reusing or mutating a buffer
 * never gets a stale key).
 */
export class KeyObjectCache {
  private readonly entries = new Map<string, KeyObject>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get(bytes: Uint8Array, create: () => KeyObject): KeyObject {
    const id = String.fromCharCode(...bytes);
    let key = this.entries.get(id);
    if (key === undefined) {
      key = create();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    } else {
      this.entries.delete(id);
    }
    this.entries.set(id, key);
    return key;
  }
}
