import { readBoolean, writeBoolean } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, writeAuthenticationKey } from './fields.js';

/** 2003 admin: AuthenticationKey, Boolean (2 = unknown, as null). */
export const setAddressVisibility: MessageCodec<'SetAddressVisibility'> = {
  name: 'SetAddressVisibility',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    writeBoolean(w, m.visible);
  },
  decode: (r) => ({ type: 'SetAddressVisibility', authenticationKey: readAuthenticationKey(r), visible: readBoolean(r) }),
};
