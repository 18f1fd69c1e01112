// Length-prefixed frames as I2CP carries them: 4-byte big-endian body length, 1-byte type, body.
// Shared by the bench relay and the load processes; Buffer views, no copies unless a frame spans
// reads.

export const HEADER_BYTES = 5;

/**
 * @param {number} type
 * @param {Uint8Array} body
 * @returns {Buffer}
 */
export function encodeFrame(type, body) {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  frame[4] = type;
  frame.set(body, HEADER_BYTES);
  return frame;
}

/** @param {Buffer} frame */
export function bodyOf(frame) {
  return frame.subarray(HEADER_BYTES);
}

/**
 * Splits a byte stream into frames. `onFrame` gets each whole frame (header included, ready to
 * forward) as a view into the received chunk; type and body are `frame[4]` and `bodyOf(frame)`.
 */
export class FrameReader {
  /** @type {Buffer | undefined} */
  #pending;
  #maxBody;

  /** @param {number} [maxBody] bodies longer than this end the stream with an error */
  constructor(maxBody = 0xffff) {
    this.#maxBody = maxBody;
  }

  /**
   * @param {Buffer} chunk
   * @param {(frame: Buffer) => void} onFrame
   */
  push(chunk, onFrame) {
    let offset = 0;
    if (this.#pending) {
      // Copy only the frame that straddles the reads, not the whole new chunk.
      const pending = this.#pending;
      const head = pending.length >= HEADER_BYTES ? pending : Buffer.concat([pending, chunk.subarray(0, HEADER_BYTES)]);
      if (head.length < HEADER_BYTES) {
        this.#pending = head;
        return;
      }
      const total = HEADER_BYTES + this.#checked(head.readUInt32BE(0));
      if (pending.length + chunk.length < total) {
        this.#pending = Buffer.concat([pending, chunk]);
        return;
      }
      offset = total - pending.length;
      const frame = Buffer.concat([pending, chunk.subarray(0, offset)]);
      this.#pending = undefined;
      onFrame(frame);
    }
    while (chunk.length - offset >= HEADER_BYTES) {
      const end = offset + HEADER_BYTES + this.#checked(chunk.readUInt32BE(offset));
      if (end > chunk.length) break;
      onFrame(chunk.subarray(offset, end));
      offset = end;
    }
    if (offset < chunk.length) this.#pending = chunk.subarray(offset);
  }

  /** Bytes of an incomplete frame still held, handed over (and forgotten) for another reader. */
  takeRest() {
    const rest = this.#pending ?? Buffer.alloc(0);
    this.#pending = undefined;
    return rest;
  }

  /** @param {number} length */
  #checked(length) {
    if (length > this.#maxBody) throw new Error(`frame body of ${length} bytes exceeds ${this.#maxBody}`);
    return length;
  }
}
