import { readDestination, readPayload, writeDestination, writePayload } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import { sendTrailer } from './send-trailer.js';

/** SessionId, Destination, Payload; the current dialect appends the client's 4-byte nonce. */
export const sendMessage: MessageCodec<'SendMessage'> = {
  name: 'SendMessage',
  encode: (w, m, dialect) => {
    const trailer = sendTrailer(m, dialect);
    writeSessionId(w, m.sessionId);
    writeDestination(w, m.destination);
    writePayload(w, m.payload);
    w.bytes(trailer);
  },
  decode: (r, dialect) => {
    const sessionId = readSessionId(r);
    const destination = readDestination(r);
    const payload = readPayload(r);
    if (dialect === '2003') return { type: 'SendMessage', sessionId, destination, payload };
    return { type: 'SendMessage', sessionId, destination, payload, nonce: r.u32('nonce') };
  },
};
