import type { MessageCodec } from './codec.js';

/** 2003 admin reply: 2-byte seconds. */
export const addressRotationPeriod: MessageCodec<'AddressRotationPeriod'> = {
  name: 'AddressRotationPeriod',
  encode: (w, m) => w.u16(m.seconds, 'rotation period'),
  decode: (r) => ({ type: 'AddressRotationPeriod', seconds: r.u16('rotation period') }),
};
