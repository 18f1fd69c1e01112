import { FrameDecoder } from '@i2cp/codec';
import type { Frame } from '@i2cp/codec';

/**
 * Splits bytes into frames up to the first that cannot be framed (a length over the limit). The
 * decoder fails a whole push, so the bytes are fed one at a time: every frame before the break is
 * returned, with the error and the bytes left unframed at the end.
 */
export function framesUntilBroken(bytes: Uint8Array): { frames: Frame[]; error: unknown; buffered: number } {
  const decoder = new FrameDecoder();
  try {
    return { frames: decoder.push(bytes), error: undefined, buffered: decoder.buffered };
  } catch {
    // Slow path, only once per broken stream.
  }
  const slow = new FrameDecoder();
  const frames: Frame[] = [];
  for (let i = 0; i < bytes.length; i++) {
    try {
      frames.push(...slow.push(bytes.subarray(i, i + 1)));
    } catch (error) {
      return { frames, error, buffered: bytes.length - i };
    }
  }
  return { frames, error: undefined, buffered: slow.buffered };
}
