import { readDate, writeDate } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

/** 2003 admin reply: Date. */
export const lastAddressRotation: MessageCodec<'LastAddressRotation'> = {
  name: 'LastAddressRotation',
  encode: (w, m) => { writeDate(w, m.date); },
  decode: (r) => ({ type: 'LastAddressRotation', date: readDate(r) }),
};
