import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, readHashList, writeAuthenticationKey, writeHashList } from './fields.js';

/** 2003 admin: AuthenticationKey, 2-byte count, that many RouterIdentity hashes. */
export const setTrustedRouters: MessageCodec<'SetTrustedRouters'> = {
  name: 'SetTrustedRouters',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    writeHashList(w, m.routers);
  },
  decode: (r) => ({ type: 'SetTrustedRouters', authenticationKey: readAuthenticationKey(r), routers: readHashList(r) }),
};
