import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';

/** SessionId, 1-byte status (codes beyond the known ones are kept, not rejected). */
export const sessionStatus: MessageCodec<'SessionStatus'> = {
  name: 'SessionStatus',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    w.u8(m.status, 'status');
  },
  decode: (r) => ({ type: 'SessionStatus', sessionId: readSessionId(r), status: r.u8('status') }),
};
