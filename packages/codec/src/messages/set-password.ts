import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, writeAuthenticationKey } from './fields.js';

/** 2003 admin: the current AuthenticationKey, then the new one. */
export const setPassword: MessageCodec<'SetPassword'> = {
  name: 'SetPassword',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    writeAuthenticationKey(w, m.newAuthenticationKey);
  },
  decode: (r) => ({
    type: 'SetPassword',
    authenticationKey: readAuthenticationKey(r),
    newAuthenticationKey: readAuthenticationKey(r),
  }),
};
