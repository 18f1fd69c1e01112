import type { MessageCodec } from './codec.js';
import { readHashList, writeHashList } from './fields.js';

/** 2003 admin reply: 2-byte count, that many RouterIdentity hashes. */
export const trustedRouters: MessageCodec<'TrustedRouters'> = {
  name: 'TrustedRouters',
  encode: (w, m) => { writeHashList(w, m.routers); },
  decode: (r) => ({ type: 'TrustedRouters', routers: readHashList(r) }),
};
