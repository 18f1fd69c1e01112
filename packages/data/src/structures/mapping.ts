/**
 * Mapping: a 2-byte size of the bytes that follow, then `key=value;` entries whose key and
 * value are Strings. Keys are unique; writers sort them as Java's String.compareTo does,
 * because signatures (SessionConfig, LeaseSet2 options, RouterInfo) cover the sorted form.
 */
import { DecodeError, EncodeError } from '../errors.js';
import type { Reader, Writer } from '../bytes.js';
import { utf8Decode, utf8Encode } from '../bytes.js';
import type { Mapping } from './types.js';

const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const MAX_MAPPING_BYTES = 0xffff;

export interface ReadMappingOptions {
  /** Reject a mapping whose declared size exceeds this many bytes (DECODE_INVALID). */
  readonly maxBytes?: number;
}

export function readMapping(r: Reader, options: ReadMappingOptions = {}): Mapping {
  const start = r.position;
  const size = r.u16('Mapping size');
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw new DecodeError('DECODE_INVALID', `Mapping of ${size} bytes exceeds the limit of ${options.maxBytes}`, start);
  }
  const body = r.bytesView(size, 'Mapping');
  const base = start + 2;
  const m = new Map<string, string>();
  let i = 0;
  while (i < size) {
    const entryAt = i;
    const keyEnd = stringEnd(body, i, base);
    const key = utf8Decode(body.subarray(i + 1, keyEnd), base + i + 1);
    i = expectByte(body, keyEnd, EQUALS, base);
    const valueEnd = stringEnd(body, i, base);
    const value = utf8Decode(body.subarray(i + 1, valueEnd), base + i + 1);
    i = expectByte(body, valueEnd, SEMICOLON, base);
    if (m.has(key)) throw new DecodeError('DECODE_INVALID', `duplicate Mapping key "${key}"`, base + entryAt);
    m.set(key, value);
  }
  return m;
}

/** End (exclusive) of the String starting at `i`; an overrun is malformed, since the size said where the mapping ends. */
function stringEnd(body: Uint8Array, i: number, base: number): number {
  const end = i + 1 + body[i]!;
  if (end > body.length) throw new DecodeError('DECODE_INVALID', 'Mapping entry overruns the Mapping size', base + i);
  return end;
}

function expectByte(body: Uint8Array, i: number, expected: number, base: number): number {
  if (i >= body.length || body[i] !== expected) {
    const name = expected === EQUALS ? "'='" : "';'";
    throw new DecodeError('DECODE_INVALID', `expected ${name} in Mapping`, base + Math.min(i, body.length));
  }
  return i + 1;
}

export function writeMapping(w: Writer, m: Mapping): void {
  const keys = sortMappingKeys([...m.keys()]);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const key of keys) {
    if (key.includes('=') || key.includes(';')) throw new EncodeError(`Mapping key must not contain '=' or ';': "${key}"`);
    const k = stringBytes(key, 'Mapping key');
    const v = stringBytes(m.get(key)!, `Mapping value of "${key}"`);
    parts.push(k, v);
    size += k.length + v.length + 4;
  }
  if (size > MAX_MAPPING_BYTES) throw new EncodeError(`Mapping of ${size} bytes exceeds 65535`);
  w.u16(size);
  for (let i = 0; i < parts.length; i += 2) {
    const k = parts[i]!;
    const v = parts[i + 1]!;
    w.u8(k.length).bytes(k).u8(EQUALS).u8(v.length).bytes(v).u8(SEMICOLON);
  }
}

function stringBytes(s: string, what: string): Uint8Array {
  const b = utf8Encode(s);
  if (b.length > 255) throw new EncodeError(`${what} longer than 255 bytes: "${s.slice(0, 32)}…"`);
  return b;
}

/** Java String.compareTo order, i.e. UTF-16 code units (not code points, not UTF-8 bytes). */
export function sortMappingKeys(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Builds a Mapping from a plain object or from pairs; a key given twice is an EncodeError. */
export function mappingFrom(entries: Readonly<Record<string, string>> | Iterable<readonly [string, string]>): Mapping {
  const m = new Map<string, string>();
  const pairs: Iterable<readonly [string, string]> = isIterable(entries) ? entries : Object.entries(entries);
  for (const [k, v] of pairs) {
    if (m.has(k)) throw new EncodeError(`duplicate Mapping key "${k}"`);
    m.set(k, v);
  }
  return m;
}

function isIterable(x: object): x is Iterable<readonly [string, string]> {
  return Symbol.iterator in x;
}
