import type { MessageCodec } from './codec.js';
import { forbidden, readAuthenticationKey, required, writeAuthenticationKey } from './fields.js';

/** 2003: the AuthenticationKey; current: an empty body. */
export const getBandwidthLimits: MessageCodec<'GetBandwidthLimits'> = {
  name: 'GetBandwidthLimits',
  encode: (w, m, dialect) => {
    if (dialect === 'current') forbidden(m.authenticationKey, 'authenticationKey', 'GetBandwidthLimits', dialect);
    else writeAuthenticationKey(w, required(m.authenticationKey, 'an authenticationKey', 'GetBandwidthLimits', dialect));
  },
  decode: (r, dialect) =>
    dialect === 'current'
      ? { type: 'GetBandwidthLimits' }
      : { type: 'GetBandwidthLimits', authenticationKey: readAuthenticationKey(r) },
};
