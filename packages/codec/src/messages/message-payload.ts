import { readPayload, writePayload } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readMessageId, readSessionId, writeMessageId, writeSessionId } from './fields.js';

/** SessionId, MessageId, Payload (a view of the frame, never copied). */
export const messagePayload: MessageCodec<'MessagePayload'> = {
  name: 'MessagePayload',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    writeMessageId(w, m.messageId);
    writePayload(w, m.payload);
  },
  decode: (r) => ({ type: 'MessagePayload', sessionId: readSessionId(r), messageId: readMessageId(r), payload: readPayload(r) }),
};
