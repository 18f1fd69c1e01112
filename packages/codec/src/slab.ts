/**
 * Memory for encoded frames. Allocating a small Uint8Array of its own costs far more than
 * encoding the message (each gets a separate backing store), so frames up to 4 KiB are carved
 * from shared 64 KiB slabs, as Node's Buffer pool does. A carved frame is never handed out twice;
 * a slab lives as long as any frame cut from it.
 */
const SLAB_BYTES = 64 * 1024;
const MAX_POOLED_BYTES = 4 * 1024;

let slab = new Uint8Array(SLAB_BYTES);
let used = 0;

export function allocate(n: number): Uint8Array {
  if (n > MAX_POOLED_BYTES) return new Uint8Array(n);
  if (used + n > SLAB_BYTES) {
    slab = new Uint8Array(SLAB_BYTES);
    used = 0;
  }
  const out = slab.subarray(used, used + n);
  // 8-byte alignment keeps a later DataView over a frame on aligned offsets.
  used = (used + n + 7) & ~7;
  return out;
}
