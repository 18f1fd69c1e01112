import type { MessageCodec } from './codec.js';
import { readMessageId, readSessionId, writeMessageId, writeSessionId } from './fields.js';

export const receiveMessageBegin: MessageCodec<'ReceiveMessageBegin'> = {
  name: 'ReceiveMessageBegin',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    writeMessageId(w, m.messageId);
  },
  decode: (r) => ({ type: 'ReceiveMessageBegin', sessionId: readSessionId(r), messageId: readMessageId(r) }),
};
