import { readDestination, readPayload, writeDestination, writePayload } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import { sendTrailer } from './send-trailer.js';

/**
 * SendMessage plus DateAndFlags: 2 bytes of flags and the low 6 bytes of the expiration Date.
 * i2pd 2.45 crashes on bodies shorter than 8 bytes; here every field is length-checked.
 */
export const sendMessageExpires: MessageCodec<'SendMessageExpires'> = {
  name: 'SendMessageExpires',
  encode: (w, m, dialect) => {
    const trailer = sendTrailer(m, dialect);
    writeSessionId(w, m.sessionId);
    writeDestination(w, m.destination);
    writePayload(w, m.payload);
    w.bytes(trailer);
  },
  decode: (r) => ({
    type: 'SendMessageExpires',
    sessionId: readSessionId(r),
    destination: readDestination(r),
    payload: readPayload(r),
    nonce: r.u32('nonce'),
    flags: r.u16('flags'),
    expiration: r.uint(6, 'expiration'),
  }),
};
