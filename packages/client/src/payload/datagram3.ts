/**
 * Datagram3 (protocol 20; datagrams spec and proposal 163, Java I2P 0.9.66): the sender's
 * Destination hash, flags, an optional options Mapping, then the data. Nothing is signed: the
 * hash says who claims to have sent it (the application may look its Destination up to reply),
 * not who did.
 */
import { Reader, Writer } from '@i2cp/data';
import type { Destination, Mapping } from '@i2cp/data';
import { HASH_LENGTH, hashOf, readFlagsAndOptions, writeFlagsAndOptions, type DatagramContent } from './datagram-header.js';
import { checkPayloadSize } from './protocol.js';

const VERSION = 3;

export interface Datagram3 extends DatagramContent {
  /** The sender's Destination hash, as the sender wrote it (not authenticated). */
  readonly senderHash: Uint8Array;
}

export interface EncodeDatagram3Options {
  /** Options carried in the datagram (written only when not empty). */
  readonly options?: Mapping;
}

/**
 * Builds a Datagram3 from `sender` (a Destination or its 32-byte hash). PAYLOAD_TOO_LARGE when it
 * does not fit one I2CP payload; ENCODE_INVALID for options that cannot be written.
 */
export function encodeDatagram3(sender: Destination | Uint8Array, data: Uint8Array, options: EncodeDatagram3Options = {}): Uint8Array {
  const w = new Writer(HASH_LENGTH + 2 + data.length + 64);
  w.bytes(hashOf(sender, 'the Datagram3 sender'));
  writeFlagsAndOptions(w, VERSION, 0, options.options);
  checkPayloadSize(w.length + data.length, 'Datagram3');
  return w.bytes(data).finish();
}

/**
 * Reads a Datagram3: DecodeError for malformed bytes (DECODE_TRUNCATED, DECODE_INVALID for
 * another version or a bad Mapping), PAYLOAD_TOO_LARGE beyond one I2CP payload. `senderHash` and
 * `data` are views into `bytes`.
 */
export function decodeDatagram3(bytes: Uint8Array): Datagram3 {
  checkPayloadSize(bytes.length, 'Datagram3');
  const r = new Reader(bytes);
  const senderHash = r.bytesView(HASH_LENGTH, 'Datagram3 sender hash');
  const { options } = readFlagsAndOptions(r, VERSION, 'Datagram3');
  return { senderHash, data: r.rest(), options };
}

