import { readRouterInfo2003, writeRouterInfo2003 } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readCountedList, writeCountedList } from './fields.js';

/** 2003 admin reply: 2-byte count, that many 2003 RouterInfos. */
export const peers: MessageCodec<'Peers'> = {
  name: 'Peers',
  encode: (w, m) => { writeCountedList(w, m.peers, writeRouterInfo2003); },
  decode: (r) => ({ type: 'Peers', peers: readCountedList(r, readRouterInfo2003) }),
};
