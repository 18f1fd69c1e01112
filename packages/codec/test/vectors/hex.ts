/**
 * Helpers for writing annotated hex: `hex` drops `//` comments and white space, `rep` repeats
 * a byte, `ascii` spells ASCII text as hex (lengths are always written out by hand).
 */
import { fromHex } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import type { Message } from '../../src/messages/types.js';

export function hex(strings: TemplateStringsArray, ...values: string[]): Uint8Array {
  let s = strings[0]!;
  for (let i = 0; i < values.length; i++) s += values[i]! + strings[i + 1]!;
  return fromHex(s.replace(/\/\/[^\n]*/g, ''));
}

export const rep = (byte: string, n: number): string => ` ${byte}`.repeat(n);

export const ascii = (s: string): string =>
  Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Frame = 4-byte body length + type + body; the length is the only thing not written by hand. */
export function frame(typeId: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out[4] = typeId;
  out.set(body, 5);
  return out;
}

export interface Vector {
  readonly name: string;
  readonly dialect: Dialect;
  /** Where the bytes come from. */
  readonly source: string;
  /** The whole frame, header included. */
  readonly frame: Uint8Array;
  readonly message: Message;
  /** Lengths of strict body prefixes that are valid messages themselves (the spec's optional tails). */
  readonly validPrefixes?: readonly number[];
}

export const BY_HAND_2003 = 'computed by hand from the layout in the 2003 draft (spec/i2cp-rev0.9-2003.txt) and its data structures';
export const byHand = (section: string): string => `computed by hand from the layout in I2CP-wire ${section}`;
export const SPEC_EXAMPLE = 'I2CP-wire §9 spec-derived example (computed there from the spec, not captured)';
