import { readString, writeString } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

export const disconnect: MessageCodec<'Disconnect'> = {
  name: 'Disconnect',
  encode: (w, m) => { writeString(w, m.reason); },
  decode: (r) => ({ type: 'Disconnect', reason: readString(r) }),
};
