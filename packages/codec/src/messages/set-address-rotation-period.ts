import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, writeAuthenticationKey } from './fields.js';

/** 2003 admin: AuthenticationKey, 2-byte seconds (0 = never rotate). */
export const setAddressRotationPeriod: MessageCodec<'SetAddressRotationPeriod'> = {
  name: 'SetAddressRotationPeriod',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    w.u16(m.seconds, 'rotation period');
  },
  decode: (r) => ({ type: 'SetAddressRotationPeriod', authenticationKey: readAuthenticationKey(r), seconds: r.u16('rotation period') }),
};
