import { readLease, writeLease } from '@i2cp/data';
import type { Lease } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';

/** SessionId, count, that many 44-byte Leases (gateway hash, TunnelId, end Date). */
export const requestVariableLeaseSet: MessageCodec<'RequestVariableLeaseSet'> = {
  name: 'RequestVariableLeaseSet',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    w.u8(m.leases.length, 'lease count');
    for (const l of m.leases) writeLease(w, l);
  },
  decode: (r) => {
    const sessionId = readSessionId(r);
    const n = r.u8('lease count');
    const leases: Lease[] = [];
    for (let i = 0; i < n; i++) leases.push(readLease(r));
    return { type: 'RequestVariableLeaseSet', sessionId, leases };
  },
};
