import { readRouterInfo2003, writeRouterInfo2003 } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, readCountedList, writeAuthenticationKey, writeCountedList } from './fields.js';

/** 2003 admin: AuthenticationKey, 2-byte count, that many 2003 RouterInfos. */
export const setPeers: MessageCodec<'SetPeers'> = {
  name: 'SetPeers',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    writeCountedList(w, m.peers, writeRouterInfo2003);
  },
  decode: (r) => ({ type: 'SetPeers', authenticationKey: readAuthenticationKey(r), peers: readCountedList(r, readRouterInfo2003) }),
};
