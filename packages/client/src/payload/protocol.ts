/**
 * I2P protocol numbers, carried in the OS byte of an I2CP payload's gzip header
 * (I2CP overview, "I2CP Payload Data Format and Multiplexing"; datagrams spec for 19 and 20).
 * 224–254 are experimental and 255 is reserved; a non-multiplexing Java session writes 255
 * and means "unspecified", so receivers treat it like `Any`.
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
