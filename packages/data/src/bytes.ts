import { DecodeError, EncodeError } from './errors.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

export function utf8Encode(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

/** Strict UTF-8 decode; invalid sequences throw DECODE_INVALID at `offset`. */
export function utf8Decode(bytes: Uint8Array, offset = 0): string {
  try {
    return utf8Strict.decode(bytes);
  } catch (e) {
    throw new DecodeError('DECODE_INVALID', 'invalid UTF-8', offset, { cause: e });
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const hexChars = '0123456789abcdef';
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += hexChars[b >> 4]! + hexChars[b & 15]!;
  return s;
}

/** Parses hex, ignoring white space; throws DECODE_INVALID on anything else. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new DecodeError('DECODE_INVALID', 'not a hex string', 0);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Sequential big-endian reader over a byte array. Every read checks the remaining length first
 * and throws DecodeError('DECODE_TRUNCATED', offset); a native RangeError never escapes.
 * Byte fields are returned as views (`subarray`) of the input, never copies.
 */
export class Reader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  offset: number;
  /** Offset of `bytes[0]` within the whole input, so errors point at the right place in a frame. */
  readonly base: number;

  constructor(bytes: Uint8Array, base = 0) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = 0;
    this.base = base;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Absolute position (for error messages). */
  get position(): number {
    return this.base + this.offset;
  }

  need(n: number, what = 'field'): void {
    if (n > this.bytes.length - this.offset) {
      throw new DecodeError(
        'DECODE_TRUNCATED',
        `truncated ${what}: need ${n} bytes, ${this.bytes.length - this.offset} left`,
        this.position,
      );
    }
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    return this.view.getUint8(this.offset++);
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.offset);
    this.offset += 2;
    return v;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset);
    this.offset += 4;
    return v;
  }

  /** 8-byte unsigned integer as a number; values above 2^53-1 are DECODE_INVALID. */
  u64(what = 'u64'): number {
    this.need(8, what);
    const hi = this.view.getUint32(this.offset);
    const lo = this.view.getUint32(this.offset + 4);
    if (hi > 0x1fffff) throw new DecodeError('DECODE_INVALID', `${what} exceeds 2^53-1`, this.position);
    this.offset += 8;
    return hi * 0x1_0000_0000 + lo;
  }

  /** n-byte unsigned big-endian integer (1..6 bytes) as a number. */
  uint(n: number, what = 'integer'): number {
    this.need(n, what);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.bytes[this.offset + i]!;
    this.offset += n;
    return v;
  }

  /** A view of the next n bytes. */
  bytesView(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  /** Everything not read yet, as a view. */
  rest(): Uint8Array {
    const v = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;
    return v;
  }

  /** Throws DECODE_TRAILING if bytes are left over. */
  end(what = 'message'): void {
    if (this.offset !== this.bytes.length) {
      throw new DecodeError('DECODE_TRAILING', `${this.bytes.length - this.offset} unexpected bytes after ${what}`, this.position);
    }
  }
}

/**
 * Growable big-endian writer. Integer writers check their range and throw EncodeError.
 * `finish()` returns an exact-size copy, so the internal buffer may be reused.
 */
export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  private ensure(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private static check(v: number, max: number, what: string): void {
    if (!Number.isInteger(v) || v < 0 || v > max) throw new EncodeError(`${what} out of range: ${v}`);
  }

  u8(v: number, what = 'u8'): this {
    Writer.check(v, 0xff, what);
    this.ensure(1);
    this.buf[this.length++] = v;
    return this;
  }

  u16(v: number, what = 'u16'): this {
    Writer.check(v, 0xffff, what);
    this.ensure(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
    return this;
  }

  u32(v: number, what = 'u32'): this {
    Writer.check(v, 0xffff_ffff, what);
    this.ensure(4);
    this.view.setUint32(this.length, v);
    this.length += 4;
    return this;
  }

  u64(v: number, what = 'u64'): this {
    Writer.check(v, Number.MAX_SAFE_INTEGER, what);
    this.ensure(8);
    this.view.setUint32(this.length, Math.floor(v / 0x1_0000_0000));
    this.view.setUint32(this.length + 4, v >>> 0);
    this.length += 8;
    return this;
  }

  /** n-byte unsigned big-endian integer (1..6 bytes). */
  uint(v: number, n: number, what = 'integer'): this {
    Writer.check(v, 2 ** (8 * n) - 1, what);
    this.ensure(n);
    for (let i = n - 1; i >= 0; i--) {
      this.buf[this.length + i] = v % 256;
      v = Math.floor(v / 256);
    }
    this.length += n;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** Writes exactly `size` bytes; a different length is an EncodeError naming `what`. */
  fixed(b: Uint8Array, size: number, what: string): this {
    if (b.length !== size) throw new EncodeError(`${what} must be ${size} bytes, got ${b.length}`);
    return this.bytes(b);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  /** The bytes written so far as a view of the internal buffer, valid only until the next write. */
  written(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
