import type { MessageCodec } from './codec.js';
import { forbidden, readMessageId, readSessionId, required, writeMessageId, writeSessionId } from './fields.js';

/** SessionId, MessageId, status, size; the current dialect appends the client's nonce. */
export const messageStatus: MessageCodec<'MessageStatus'> = {
  name: 'MessageStatus',
  encode: (w, m, dialect) => {
    const nonce = dialect === 'current' ? required(m.nonce, 'a nonce', 'MessageStatus', dialect) : undefined;
    if (dialect === '2003') forbidden(m.nonce, 'nonce', 'MessageStatus', dialect);
    writeSessionId(w, m.sessionId);
    writeMessageId(w, m.messageId);
    w.u8(m.status, 'status');
    w.u32(m.size, 'size');
    if (nonce !== undefined) w.u32(nonce, 'nonce');
  },
  decode: (r, dialect) => {
    const sessionId = readSessionId(r);
    const messageId = readMessageId(r);
    const status = r.u8('status');
    const size = r.u32('size');
    if (dialect === '2003') return { type: 'MessageStatus', sessionId, messageId, status, size };
    return { type: 'MessageStatus', sessionId, messageId, status, size, nonce: r.u32('nonce') };
  },
};
