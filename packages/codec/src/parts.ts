/**
 * Zero-copy write path for the two messages that carry payloads: the frame comes back in
 * pieces, with the payload as the caller's own view, so a server can writev/cork them.
 */
import { EncodeError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { FRAME_HEADER_BYTES, writeFrameHeader } from './frame.js';
import { messageInfo } from './catalogue.js';
import { sendTrailer } from './messages/send-trailer.js';
import { allocate } from './slab.js';
import type { SendMessageExpiresMessage, SendMessageMessage } from './messages/types.js';
import { MessageType } from './messages/types.js';

const PAYLOAD_FIXED = 2 + 4 + 4;

/** Bytes of a MessagePayload frame before its payload: frame header, SessionId, MessageId, payload length. */
export const MESSAGE_PAYLOAD_HEAD_BYTES = FRAME_HEADER_BYTES + PAYLOAD_FIXED;

/** MessagePayload as [frame header + SessionId + MessageId + payload length, payload]. */
export function encodeMessagePayloadParts(sessionId: number, messageId: number, payload: Uint8Array): [Uint8Array, Uint8Array] {
  const head = allocate(MESSAGE_PAYLOAD_HEAD_BYTES);
  writeMessagePayloadHead(head, 0, sessionId, messageId, payload.length);
  return [head, payload];
}

/**
 * Writes the MESSAGE_PAYLOAD_HEAD_BYTES before a payload of `payloadLength` bytes into `out` at
 * `at`, with encodeMessagePayloadParts' checks; for a writer that copies frames into memory of its own.
 */
export function writeMessagePayloadHead(out: Uint8Array, at: number, sessionId: number, messageId: number, payloadLength: number): void {
  checkRange(sessionId, 0xffff, 'SessionId');
  checkRange(messageId, 0xffff_ffff, 'MessageId');
  checkRange(payloadLength, 0xffff_ffff - PAYLOAD_FIXED, 'payload length');
  writeFrameHeader(out, at, MessageType.MessagePayload, PAYLOAD_FIXED + payloadLength);
  out[at + 5] = sessionId >>> 8;
  out[at + 6] = sessionId & 0xff;
  writeU32(out, at + 7, messageId);
  writeU32(out, at + 11, payloadLength);
}

/**
 * SendMessage (or SendMessageExpires) as [frame header + SessionId + Destination + payload
 * length, payload, trailer (nonce, and flags + expiration for type 36)]; the 2003 dialect has no
 * trailer, so it gets two parts. Validation is the same as encodeMessage's.
 */
export function encodeSendMessageParts(message: SendMessageMessage | SendMessageExpiresMessage, dialect: Dialect): Uint8Array[] {
  const id = MessageType[message.type];
  if (messageInfo(id, dialect) === undefined) throw new EncodeError(`${message.type} does not exist in dialect '${dialect}'`);
  const trailer = sendTrailer(message, dialect);
  checkRange(message.sessionId, 0xffff, 'SessionId');
  const { payload } = message;
  const destination = message.destination.bytes;
  const fields = 2 + destination.length + 4;
  const bodyLength = fields + payload.length + trailer.length;
  checkRange(bodyLength, 0xffff_ffff, 'SendMessage body length');
  const head = allocate(FRAME_HEADER_BYTES + fields);
  writeFrameHeader(head, 0, id, bodyLength);
  head[5] = message.sessionId >>> 8;
  head[6] = message.sessionId & 0xff;
  head.set(destination, 7);
  writeU32(head, head.length - 4, payload.length);
  return trailer.length === 0 ? [head, payload] : [head, payload, trailer];
}

/** Byte by byte: a DataView would force a small on-heap array to move its bytes off the heap. */
function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

function checkRange(v: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new EncodeError(`${what} out of range: ${v}`);
}
