/** encode/decode of whole messages: the dispatcher over the per-message codecs. */
import { DecodeError, EncodeError, Reader, Writer, isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { messageInfo } from './catalogue.js';
import { FRAME_HEADER_BYTES, encodeFrame, writeFrameHeader } from './frame.js';
import { allocate } from './slab.js';
import type { MessageCodec } from './messages/codec.js';
import { codecs, codecsById } from './messages/table.js';
import type { Frame, Message } from './messages/types.js';
import { MessageType } from './messages/types.js';

/**
 * Encoding is synchronous and never nested, so one Writer serves every call; its bytes are
 * copied out once into memory from `allocate`. After an unusually large message the Writer's
 * buffer is dropped rather than kept.
 */
let scratch = new Writer(1024);
const SCRATCH_KEEP_BYTES = 128 * 1024;

function freshScratch(): Writer {
  if (scratch.length > SCRATCH_KEEP_BYTES) scratch = new Writer(1024);
  scratch.length = 0;
  return scratch;
}

/** The whole frame: 4-byte length, type, body. */
export function encodeMessage(message: Message, dialect: Dialect): Uint8Array {
  if (message.type === 'unknown') return encodeFrame(checkUnknown(message.typeId, dialect), message.body);
  const id = typeIdFor(message, dialect);
  const w = freshScratch();
  w.u32(0).u8(id);
  encodeInto(w, message, dialect);
  const frame = allocate(w.length);
  frame.set(w.written());
  writeFrameHeader(frame, 0, id, frame.length - FRAME_HEADER_BYTES);
  return frame;
}

/** The body alone, without the 5-byte frame header. */
export function encodeMessageBody(message: Message, dialect: Dialect): Uint8Array {
  if (message.type === 'unknown') {
    checkUnknown(message.typeId, dialect);
    return message.body.slice();
  }
  typeIdFor(message, dialect);
  const w = freshScratch();
  encodeInto(w, message, dialect);
  const body = allocate(w.length);
  body.set(w.written());
  return body;
}

function encodeInto(w: Writer, message: Exclude<Message, { type: 'unknown' }>, dialect: Dialect): void {
  (codecs[message.type] as MessageCodec).encode(w, message, dialect);
}

function typeIdFor(message: Exclude<Message, { type: 'unknown' }>, dialect: Dialect): number {
  const id = MessageType[message.type] as number | undefined;
  if (id === undefined) throw new EncodeError(`unknown message type "${message.type}"`);
  if (messageInfo(id, dialect) === undefined) throw new EncodeError(`${message.type} does not exist in dialect '${dialect}'`);
  return id;
}

/** An "unknown" message may only carry an id the dialect does not define, or it would not decode back as itself. */
function checkUnknown(typeId: number, dialect: Dialect): number {
  if (!Number.isInteger(typeId) || typeId < 0 || typeId > 0xff) throw new EncodeError(`message type out of range: ${typeId}`);
  const info = messageInfo(typeId, dialect);
  if (info !== undefined) throw new EncodeError(`type ${typeId} is ${info.name} in dialect '${dialect}', not an unknown message`);
  return typeId;
}

/** Marks errors no decoder check caught; see decodeMessage. */
export const SAFETY_NET = 'unchecked malformed';

/**
 * Decodes one frame. Ids the dialect does not define come back as `{ type: 'unknown' }`.
 * Byte fields are views of `frame.body`. Every failure is a DecodeError whose offset counts
 * from the start of the frame (header included).
 */
export function decodeMessage(frame: Frame, dialect: Dialect): Message {
  const codec = codecsById[dialect][frame.typeId];
  if (codec === undefined) return { type: 'unknown', typeId: frame.typeId, body: frame.body };
  const quick = codec.decodeWellFormed?.(frame.body, dialect);
  if (quick !== undefined) return quick;
  const r = new Reader(frame.body, FRAME_HEADER_BYTES);
  try {
    const message = codec.decode(r, dialect);
    r.end(codec.name);
    return message;
  } catch (e) {
    if (isI2cpError(e)) throw e;
    // A safety net: malformed input must never surface as a foreign exception. The property
    // tests fail if it is ever reached, since reaching it means a decoder missed a check.
    throw new DecodeError('DECODE_INVALID', `${SAFETY_NET} ${codec.name}`, r.position, { cause: e });
  }
}
