/** The current dialect's sends that need no decoding: the delivery path of almost every message. */
import { MessageType } from '@i2cp/codec';
import type { Frame } from '@i2cp/codec';
import type { Connection } from './connection.js';
import { send } from './handle-current.js';
import type { Router } from './router.js';
import { sameBytesAt } from './same-bytes.js';

/**
 * SendMessage(Expires) to the sender's last recipient, straight from the frame body: when the body
 * holds that recipient's Destination bytes and a payload length that fills it exactly up to the
 * trailer, decoding would give these same fields, so the Destination is neither parsed nor hashed
 * again. Returns false, having done nothing, for any other frame, which then goes to the decoder.
 */
export function sendFromFrame(router: Router, connection: Connection, frame: Frame): boolean {
  const trailer = frame.typeId === MessageType.SendMessage ? 4 : frame.typeId === MessageType.SendMessageExpires ? 12 : -1;
  const b = frame.body;
  if (trailer < 0 || b.length < 2) return false;
  const sessionId = (b[0]! << 8) | b[1]!;
  const recipient = connection.sessions.get(sessionId)?.lastRecipient;
  if (recipient === undefined || !router.isLive(recipient)) return false;
  const destination = recipient.destination;
  const at = 2 + destination.bytes.length;
  const end = b.length - trailer;
  if (end < at + 4 || u32(b, at) !== end - at - 4 || !sameBytesAt(b, 2, destination.bytes)) return false;
  const expiration = trailer === 12 ? ((b[end + 6]! << 8) | b[end + 7]!) * 0x1_0000_0000 + u32(b, end + 8) : 0;
  send(router, connection, sessionId, destination, b.subarray(at + 4, end), u32(b, end), expiration);
  return true;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}
