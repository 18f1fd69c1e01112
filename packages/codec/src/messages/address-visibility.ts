import { readBoolean, writeBoolean } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

/** 2003 admin reply: Boolean. */
export const addressVisibility: MessageCodec<'AddressVisibility'> = {
  name: 'AddressVisibility',
  encode: (w, m) => { writeBoolean(w, m.visible); },
  decode: (r) => ({ type: 'AddressVisibility', visible: readBoolean(r) }),
};
