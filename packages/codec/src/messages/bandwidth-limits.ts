import { readBandwidthLimits, readBandwidthLimits2003, writeBandwidthLimits, writeBandwidthLimits2003 } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { sameDialect } from './fields.js';

/** 2003: BandwidthLimits classes; current: 16 four-byte integers. */
export const bandwidthLimits: MessageCodec<'BandwidthLimits'> = {
  name: 'BandwidthLimits',
  encode: (w, m, dialect) => {
    sameDialect(m.dialect, dialect, 'BandwidthLimits');
    if (m.dialect === '2003') writeBandwidthLimits2003(w, m.limits);
    else writeBandwidthLimits(w, m.limits);
  },
  decode: (r, dialect) =>
    dialect === '2003'
      ? { type: 'BandwidthLimits', dialect, limits: readBandwidthLimits2003(r) }
      : { type: 'BandwidthLimits', dialect, limits: readBandwidthLimits(r) },
};
