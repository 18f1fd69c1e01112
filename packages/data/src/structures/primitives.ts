/**
 * The primitive types of the common structures: Date, String, Boolean (2003), the fixed-size
 * 32-byte values, TunnelId and Payload, plus `encode`/`decode` to run any reader or writer on
 * a whole byte array.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { Reader, Writer, utf8Decode, utf8Encode } from '../bytes.js';

/** 8-byte milliseconds since the epoch; 0 means "no date". */
export function readDate(r: Reader): number {
  return r.u64('Date');
}

export function writeDate(w: Writer, ms: number): void {
  w.u64(ms, 'Date');
}

/** 1-byte length, then that many bytes of strict UTF-8. */
export function readString(r: Reader): string {
  const n = r.u8('String length');
  const at = r.position;
  return utf8Decode(r.bytesView(n, 'String'), at);
}

export function writeString(w: Writer, s: string): void {
  const bytes = utf8Encode(s);
  if (bytes.length > 255) throw new EncodeError(`String longer than 255 bytes (${bytes.length}): ${s.slice(0, 32)}…`);
  w.u8(bytes.length).bytes(bytes);
}

/** The 2003 Boolean: 0 false, 1 true, 2 unknown (null). */
export function readBoolean(r: Reader): boolean | null {
  const at = r.position;
  const v = r.u8('Boolean');
  if (v === 0) return false;
  if (v === 1) return true;
  if (v === 2) return null;
  throw new DecodeError('DECODE_INVALID', `Boolean must be 0, 1 or 2, got ${v}`, at);
}

export function writeBoolean(w: Writer, b: boolean | null): void {
  w.u8(b === null ? 2 : b ? 1 : 0);
}

/** SHA-256 hash (32 bytes, a view of the input). */
export function readHash(r: Reader): Uint8Array {
  return r.bytesView(32, 'Hash');
}

export function writeHash(w: Writer, h: Uint8Array): void {
  w.fixed(h, 32, 'Hash');
}

/** AES-256 key (32 bytes, a view). */
export function readSessionKey(r: Reader): Uint8Array {
  return r.bytesView(32, 'SessionKey');
}

export function writeSessionKey(w: Writer, k: Uint8Array): void {
  w.fixed(k, 32, 'SessionKey');
}

/** ElGamal/AES session tag (32 bytes, a view). */
export function readSessionTag(r: Reader): Uint8Array {
  return r.bytesView(32, 'SessionTag');
}

export function writeSessionTag(w: Writer, t: Uint8Array): void {
  w.fixed(t, 32, 'SessionTag');
}

export function readTunnelId(r: Reader): number {
  return r.u32('TunnelId');
}

export function writeTunnelId(w: Writer, id: number): void {
  w.u32(id, 'TunnelId');
}

/** 4-byte length, then the data (a view). */
export function readPayload(r: Reader): Uint8Array {
  const n = r.u32('Payload length');
  return r.bytesView(n, 'Payload');
}

export function writePayload(w: Writer, data: Uint8Array): void {
  w.u32(data.length, 'Payload length').bytes(data);
}

/** Runs a writer on a fresh Writer and returns the exact bytes. */
export function encode<T>(write: (w: Writer, v: T) => void, v: T): Uint8Array {
  const w = new Writer();
  write(w, v);
  return w.finish();
}

/** Runs a reader over the whole input; leftover bytes are DECODE_TRAILING. */
export function decode<T>(read: (r: Reader) => T, bytes: Uint8Array): T {
  const r = new Reader(bytes);
  const v = read(r);
  r.end();
  return v;
}
