/**
 * What Datagram2 and Datagram3 share (datagrams spec, proposal 163): a 2-byte flags field whose low
 * 4 bits are the version and bit 4 says an options Mapping follows. Unused bits are written as 0
 * and ignored when read, as Java I2P 0.9.66 does, so later flags do not make datagrams unreadable.
 */
import { DecodeError, I2cpError, destinationHash, readMapping, writeMapping } from '@i2cp/data';
import type { Destination, Mapping, Reader, Writer } from '@i2cp/data';

const VERSION_MASK = 0x0f;
export const HASH_LENGTH = 32;
export const FLAG_OPTIONS = 0x10;
export const FLAG_OFFLINE = 0x20;
const NO_OPTIONS: Mapping = new Map();

/** What Datagram2 and Datagram3 carry besides their sender. */
export interface DatagramContent {
  readonly data: Uint8Array;
  /** The datagram's options; empty when it carries none. */
  readonly options: Mapping;
}

/** Writes flags (version | options bit | `extraFlags`) and, when `options` is not empty, the Mapping. */
export function writeFlagsAndOptions(w: Writer, version: number, extraFlags: number, options: Mapping | undefined): void {
  const withOptions = options !== undefined && options.size > 0;
  w.u16(version | extraFlags | (withOptions ? FLAG_OPTIONS : 0), 'datagram flags');
  if (withOptions) writeMapping(w, options);
}

/** Reads flags and the options they announce; DECODE_INVALID for another version than `version`. */
export function readFlagsAndOptions(r: Reader, version: number, what: string): { readonly flags: number; readonly options: Mapping } {
  const at = r.position;
  const flags = r.u16(`${what} flags`);
  if ((flags & VERSION_MASK) !== version) {
    throw new DecodeError('DECODE_INVALID', `${what} has version ${flags & VERSION_MASK}, expected ${version}`, at);
  }
  const options = (flags & FLAG_OPTIONS) !== 0 ? readMapping(r) : NO_OPTIONS;
  return { flags, options };
}

/** The 32-byte hash of a Destination, or the hash itself; BAD_ARGUMENT for bytes of another length. */
export function hashOf(who: Destination | Uint8Array, what: string): Uint8Array {
  if (!(who instanceof Uint8Array)) return destinationHash(who);
  if (who.length !== 32) throw new I2cpError('BAD_ARGUMENT', `${what} must be a Destination or its 32-byte hash, got ${who.length} bytes`);
  return who;
}
