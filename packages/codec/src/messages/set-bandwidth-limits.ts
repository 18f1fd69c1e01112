import { readBandwidthLimits2003, writeBandwidthLimits2003 } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readAuthenticationKey, writeAuthenticationKey } from './fields.js';

/** 2003 admin: AuthenticationKey, BandwidthLimits (classes). */
export const setBandwidthLimits: MessageCodec<'SetBandwidthLimits'> = {
  name: 'SetBandwidthLimits',
  encode: (w, m) => {
    writeAuthenticationKey(w, m.authenticationKey);
    writeBandwidthLimits2003(w, m.limits);
  },
  decode: (r) => ({ type: 'SetBandwidthLimits', authenticationKey: readAuthenticationKey(r), limits: readBandwidthLimits2003(r) }),
};
