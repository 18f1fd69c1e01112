import { I2cpError } from '@i2cp/data';

/**
 * I2P protocol numbers, carried in the OS byte of an I2CP payload's gzip header
 * (I2CP overview, "I2CP Payload Data Format and Multiplexing"; datagrams spec for 19 and 20).
 * 224–254 are experimental and 255 is reserved; a non-multiplexing Java session writes 255 and
 * Java reads that back as "unspecified", like `Any`. decodePayload reports the byte as it is.
 */
export const Protocol = {
  Any: 0,
  Streaming: 6,
  RepliableDatagram: 17,
  RawDatagram: 18,
  Datagram2: 19,
  Datagram3: 20,
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

/**
 * The most uncompressed bytes one payload may carry: Java's `DataHelper.MAX_UNCOMPRESSED`.
 * Java refuses to compress more and fails to decompress more, so nothing larger can reach a
 * Java peer; this package enforces the same limit in both directions.
 */
export const MAX_UNCOMPRESSED_PAYLOAD = 40_960;

/** The PAYLOAD_TOO_LARGE error for `what` (e.g. "payload of 50000 bytes"). */
export function payloadTooLarge(what: string, options?: ErrorOptions): I2cpError {
  return new I2cpError('PAYLOAD_TOO_LARGE', `${what} exceeds the ${MAX_UNCOMPRESSED_PAYLOAD}-byte limit of I2CP payloads`, options);
}

/** Throws PAYLOAD_TOO_LARGE unless `length` bytes fit one I2CP payload. */
export function checkPayloadSize(length: number, what: string): void {
  if (length > MAX_UNCOMPRESSED_PAYLOAD) throw payloadTooLarge(`${what} of ${length} bytes`);
}
