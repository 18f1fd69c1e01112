/**
 * Framing: every message is a 4-byte body length, a 1-byte type and the body (identical in
 * both dialects). FrameDecoder turns a byte stream cut into arbitrary chunks back into frames.
 */
import { DecodeError, EncodeError } from '@i2cp/data';
import type { Frame } from './messages/types.js';

/** Bytes before the body: 4-byte length and 1-byte type. */
export const FRAME_HEADER_BYTES = 5;

/** Default limit on a frame's body (I2CP-wire §1.2: "about 64 KB"; Java's Payload limit is 64 KiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 65536;

/** Writes the 5-byte frame header for a body of `bodyLength` bytes into `out` at `at`. */
export function writeFrameHeader(out: Uint8Array, at: number, typeId: number, bodyLength: number): void {
  checkTypeId(typeId);
  if (!Number.isInteger(bodyLength) || bodyLength < 0 || bodyLength > 0xffff_ffff) {
    throw new EncodeError(`frame body length out of range: ${bodyLength}`);
  }
  out[at] = bodyLength >>> 24;
  out[at + 1] = (bodyLength >>> 16) & 0xff;
  out[at + 2] = (bodyLength >>> 8) & 0xff;
  out[at + 3] = bodyLength & 0xff;
  out[at + 4] = typeId;
}

export function encodeFrame(typeId: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  writeFrameHeader(out, 0, typeId, body.length);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

function checkTypeId(typeId: number): void {
  if (!Number.isInteger(typeId) || typeId < 0 || typeId > 0xff) throw new EncodeError(`message type out of range: ${typeId}`);
}

export interface FrameDecoderOptions {
  /** Largest body accepted; a longer declared length is FRAME_TOO_LARGE before anything is buffered. */
  readonly maxMessageBytes?: number;
}

/**
 * Incremental frame splitter. A frame lying wholly inside one chunk is returned as a view of
 * that chunk (so the caller must not reuse a chunk's memory while its frames are alive); a frame
 * straddling chunks is copied once into a buffer of its exact size. The first error is final:
 * the stream cannot be resynchronised, so every later push throws it again.
 */
export class FrameDecoder {
  private readonly maxMessageBytes: number;
  private readonly header = new Uint8Array(FRAME_HEADER_BYTES);
  private headerFill = 0;
  /** Body of the frame being assembled across chunks, or null between frames. */
  private body: Uint8Array | null = null;
  private bodyFill = 0;
  private typeId = 0;
  /** Stream offset of the next byte, for error positions. */
  private consumed = 0;
  private failure: DecodeError | null = null;

  constructor(options: FrameDecoderOptions = {}) {
    const max = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    if (!Number.isInteger(max) || max < 0 || max > 0xffff_ffff) {
      throw new RangeError(`maxMessageBytes must be an integer in 0..2^32-1, got ${max}`);
    }
    this.maxMessageBytes = max;
  }

  /** Stream bytes received but not yet returned in a frame (an incomplete frame's header and body). */
  get buffered(): number {
    return this.body === null ? this.headerFill : FRAME_HEADER_BYTES + this.bodyFill;
  }

  push(chunk: Uint8Array): Frame[] {
    if (this.failure !== null) throw this.failure;
    const frames: Frame[] = [];
    const n = chunk.length;
    let i = 0;
    if (this.body !== null || this.headerFill > 0) i = this.continueFrame(chunk, frames);
    while (i < n) {
      if (n - i < FRAME_HEADER_BYTES) {
        this.header.set(chunk.subarray(i), 0);
        this.headerFill = n - i;
        this.consumed += n - i;
        break;
      }
      const length = ((chunk[i]! << 24) | (chunk[i + 1]! << 16) | (chunk[i + 2]! << 8) | chunk[i + 3]!) >>> 0;
      const typeId = chunk[i + 4]!;
      this.checkLength(length, this.consumed);
      const start = i + FRAME_HEADER_BYTES;
      if (n - start >= length) {
        frames.push({ typeId, body: chunk.subarray(start, start + length) });
        i = start + length;
        this.consumed += FRAME_HEADER_BYTES + length;
      } else {
        this.startBody(typeId, length);
        this.consumed += FRAME_HEADER_BYTES;
        i = this.fillBody(chunk, start, frames);
      }
    }
    return frames;
  }

  /** Completes the header and/or body left over from earlier chunks; returns the next unread index. */
  private continueFrame(chunk: Uint8Array, frames: Frame[]): number {
    let i = 0;
    if (this.body === null) {
      const take = Math.min(FRAME_HEADER_BYTES - this.headerFill, chunk.length);
      this.header.set(chunk.subarray(0, take), this.headerFill);
      this.headerFill += take;
      this.consumed += take;
      i = take;
      if (this.headerFill < FRAME_HEADER_BYTES) return i;
      const h = this.header;
      const length = ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
      this.headerFill = 0;
      this.checkLength(length, this.consumed - FRAME_HEADER_BYTES);
      this.startBody(h[4]!, length);
    }
    return this.fillBody(chunk, i, frames);
  }

  private checkLength(length: number, frameStart: number): void {
    if (length > this.maxMessageBytes) {
      this.failure = new DecodeError(
        'FRAME_TOO_LARGE',
        `frame body of ${length} bytes exceeds the limit of ${this.maxMessageBytes}`,
        frameStart,
      );
      this.headerFill = 0;
      this.body = null;
      this.bodyFill = 0;
      throw this.failure;
    }
  }

  private startBody(typeId: number, length: number): void {
    this.typeId = typeId;
    this.body = new Uint8Array(length);
    this.bodyFill = 0;
  }

  private fillBody(chunk: Uint8Array, from: number, frames: Frame[]): number {
    const body = this.body!;
    const take = Math.min(body.length - this.bodyFill, chunk.length - from);
    body.set(chunk.subarray(from, from + take), this.bodyFill);
    this.bodyFill += take;
    this.consumed += take;
    if (this.bodyFill === body.length) {
      frames.push({ typeId: this.typeId, body });
      this.body = null;
      this.bodyFill = 0;
    }
    return from + take;
  }
}
