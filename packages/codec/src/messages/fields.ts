/**
 * Fields several messages share (SessionId, MessageId, AuthenticationKey, hash lists) and the
 * checks that keep a message in the shape its dialect defines.
 */
import { EncodeError } from '@i2cp/data';
import type { Dialect, Reader, Writer } from '@i2cp/data';

export function readSessionId(r: Reader): number {
  return r.u16('SessionId');
}

export function writeSessionId(w: Writer, id: number): void {
  w.u16(id, 'SessionId');
}

export function readMessageId(r: Reader): number {
  return r.u32('MessageId');
}

export function writeMessageId(w: Writer, id: number): void {
  w.u32(id, 'MessageId');
}

/** 2003 AuthenticationKey: the SHA-256 of the administrative passphrase. */
export function readAuthenticationKey(r: Reader): Uint8Array {
  return r.bytesView(32, 'AuthenticationKey');
}

export function writeAuthenticationKey(w: Writer, key: Uint8Array): void {
  w.fixed(key, 32, 'AuthenticationKey');
}

/** A 2-byte count followed by that many 32-byte hashes (2003 trusted routers). */
export function readHashList(r: Reader): Uint8Array[] {
  const n = r.u16('hash count');
  r.need(n * 32, 'hashes');
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < n; i++) hashes.push(r.bytesView(32, 'Hash'));
  return hashes;
}

export function writeHashList(w: Writer, hashes: readonly Uint8Array[]): void {
  w.u16(hashes.length, 'hash count');
  for (const h of hashes) w.fixed(h, 32, 'Hash');
}

/** A 2-byte count followed by that many items (2003 peers). */
export function readCountedList<T>(r: Reader, read: (r: Reader) => T): T[] {
  const n = r.u16('count');
  const items: T[] = [];
  for (let i = 0; i < n; i++) items.push(read(r));
  return items;
}

export function writeCountedList<T>(w: Writer, items: readonly T[], write: (w: Writer, item: T) => void): void {
  w.u16(items.length, 'count');
  for (const item of items) write(w, item);
}

/** Throws unless a field the dialect requires is present. */
export function required<T>(value: T | undefined, field: string, message: string, dialect: Dialect): T {
  if (value === undefined) throw new EncodeError(`${message} in dialect '${dialect}' needs ${field}`);
  return value;
}

/** Throws if a field the dialect does not have is present. */
export function forbidden(value: unknown, field: string, message: string, dialect: Dialect): void {
  if (value !== undefined) throw new EncodeError(`${message} in dialect '${dialect}' has no ${field}`);
}

/** Throws if a message carrying its own dialect is encoded for the other one. */
export function sameDialect(messageDialect: Dialect, dialect: Dialect, message: string): void {
  if (messageDialect !== dialect) {
    throw new EncodeError(`${message} of dialect '${messageDialect}' cannot be encoded as '${dialect}'`);
  }
}
