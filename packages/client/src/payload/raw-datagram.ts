/**
 * Raw datagram (protocol 18; datagrams spec, "Non-Repliable Datagrams"): the data alone, with no
 * sender and no signature. These functions only enforce that it fits one I2CP payload, so raw and
 * repliable datagrams are sent and received the same way.
 */
import { checkPayloadSize } from './protocol.js';

/** Returns `data` itself; PAYLOAD_TOO_LARGE if it exceeds 40960 bytes. */
export function encodeRawDatagram(data: Uint8Array): Uint8Array {
  return checked(data);
}

/** Returns `bytes` itself; PAYLOAD_TOO_LARGE if it exceeds 40960 bytes. */
export function decodeRawDatagram(bytes: Uint8Array): Uint8Array {
  return checked(bytes);
}

function checked(data: Uint8Array): Uint8Array {
  checkPayloadSize(data.length, 'raw datagram');
  return data;
}
