import type { MessageCodec } from './codec.js';
import { readMessageId, readSessionId, writeMessageId, writeSessionId } from './fields.js';

export const receiveMessageEnd: MessageCodec<'ReceiveMessageEnd'> = {
  name: 'ReceiveMessageEnd',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    writeMessageId(w, m.messageId);
  },
  decode: (r) => ({ type: 'ReceiveMessageEnd', sessionId: readSessionId(r), messageId: readMessageId(r) }),
};
