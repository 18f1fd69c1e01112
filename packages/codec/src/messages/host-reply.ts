import { EncodeError, readDestination, readMapping, writeDestination, writeMapping } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import type { HostReplyMessage } from './types.js';

/**
 * SessionId, request id, result code, then the Destination (required on success, allowed on
 * failure code 6) and the LS2 options Mapping (request types 2–4). Both tails are read by size,
 * since the reply does not repeat the request type.
 */
export const hostReply: MessageCodec<'HostReply'> = {
  name: 'HostReply',
  encode: (w, m) => {
    if (m.resultCode === 0 && m.destination === undefined) throw new EncodeError('a successful HostReply needs a destination');
    if (m.options !== undefined && m.destination === undefined) throw new EncodeError('HostReply options need a destination before them');
    writeSessionId(w, m.sessionId);
    w.u32(m.requestId, 'request id');
    w.u8(m.resultCode, 'result code');
    if (m.destination !== undefined) writeDestination(w, m.destination);
    if (m.options !== undefined) writeMapping(w, m.options);
  },
  decode: (r) => {
    const base = { type: 'HostReply', sessionId: readSessionId(r), requestId: r.u32('request id'), resultCode: r.u8('result code') } as const;
    if (base.resultCode !== 0 && r.remaining === 0) return base;
    const destination = readDestination(r);
    if (r.remaining === 0) return { ...base, destination };
    const m: HostReplyMessage = { ...base, destination, options: readMapping(r) };
    return m;
  },
};
