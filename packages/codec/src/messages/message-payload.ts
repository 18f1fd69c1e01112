import { readPayload, writePayload } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readMessageId, readSessionId, writeMessageId, writeSessionId } from './fields.js';

/** SessionId:2, MessageId:4, payload length:4 before the payload. */
const FIXED = 10;

/** SessionId, MessageId, Payload (a view of the frame, never copied). */
export const messagePayload: MessageCodec<'MessagePayload'> = {
  name: 'MessagePayload',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    writeMessageId(w, m.messageId);
    writePayload(w, m.payload);
  },
  decode: (r) => ({ type: 'MessagePayload', sessionId: readSessionId(r), messageId: readMessageId(r), payload: readPayload(r) }),
  // Every received message passes here; a body whose payload length matches exactly needs no Reader.
  decodeWellFormed: (b) => {
    if (b.length < FIXED) return undefined;
    const length = ((b[6]! << 24) | (b[7]! << 16) | (b[8]! << 8) | b[9]!) >>> 0;
    if (length !== b.length - FIXED) return undefined;
    return {
      type: 'MessagePayload',
      sessionId: (b[0]! << 8) | b[1]!,
      messageId: ((b[2]! << 24) | (b[3]! << 16) | (b[4]! << 8) | b[5]!) >>> 0,
      payload: b.subarray(FIXED),
    };
  },
};
