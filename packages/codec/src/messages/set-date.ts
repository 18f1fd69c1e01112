import { readDate, readString, writeDate, writeString } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

/** Date, then the router's version String (absent when the client sent none). */
export const setDate: MessageCodec<'SetDate'> = {
  name: 'SetDate',
  encode: (w, m) => {
    writeDate(w, m.date);
    if (m.version !== undefined) writeString(w, m.version);
  },
  decode: (r) => {
    const date = readDate(r);
    return r.remaining === 0 ? { type: 'SetDate', date } : { type: 'SetDate', date, version: readString(r) };
  },
};
