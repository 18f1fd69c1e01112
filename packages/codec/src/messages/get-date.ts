import { EncodeError, readMapping, readString, writeMapping, writeString } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import type { GetDateMessage } from './types.js';

/** Optional version String (absent for clients ≤ 0.8.6), then an optional authentication Mapping (0.9.11+). */
export const getDate: MessageCodec<'GetDate'> = {
  name: 'GetDate',
  encode: (w, m) => {
    if (m.version === undefined) {
      if (m.options !== undefined) throw new EncodeError('GetDate options need a version before them');
      return;
    }
    writeString(w, m.version);
    if (m.options !== undefined) writeMapping(w, m.options);
  },
  decode: (r) => {
    if (r.remaining === 0) return { type: 'GetDate' };
    const version = readString(r);
    if (r.remaining === 0) return { type: 'GetDate', version };
    const m: GetDateMessage = { type: 'GetDate', version, options: readMapping(r) };
    return m;
  },
};
