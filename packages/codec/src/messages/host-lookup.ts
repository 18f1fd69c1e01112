import { DecodeError, readDestination, readHash, readString, writeDestination, writeString } from '@i2cp/data';
import type { Reader } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import type { HostLookupKey } from './types.js';

/** Request types: 0 hash, 1 host name, 2 hash + options, 3 host name + options, 4 Destination + options. */
const LookupType = { Hash: 0, Hostname: 1, HashWithOptions: 2, HostnameWithOptions: 3, Destination: 4 } as const;

/** SessionId (0xFFFF if none), request id, timeout in ms, request type, key. */
export const hostLookup: MessageCodec<'HostLookup'> = {
  name: 'HostLookup',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    w.u32(m.requestId, 'request id');
    w.u32(m.timeoutMs, 'timeout');
    const k = m.key;
    switch (k.kind) {
      case 'hash':
        w.u8(k.withOptions ? LookupType.HashWithOptions : LookupType.Hash);
        w.fixed(k.hash, 32, 'HostLookup hash');
        break;
      case 'hostname':
        w.u8(k.withOptions ? LookupType.HostnameWithOptions : LookupType.Hostname);
        writeString(w, k.hostname);
        break;
      case 'destination':
        w.u8(LookupType.Destination);
        writeDestination(w, k.destination);
        break;
    }
  },
  decode: (r) => {
    const sessionId = readSessionId(r);
    const requestId = r.u32('request id');
    const timeoutMs = r.u32('timeout');
    return { type: 'HostLookup', sessionId, requestId, timeoutMs, key: readKey(r) };
  },
};

function readKey(r: Reader): HostLookupKey {
  const at = r.position;
  const t = r.u8('request type');
  switch (t) {
    case LookupType.Hash:
    case LookupType.HashWithOptions:
      return { kind: 'hash', hash: readHash(r), withOptions: t === LookupType.HashWithOptions };
    case LookupType.Hostname:
    case LookupType.HostnameWithOptions:
      return { kind: 'hostname', hostname: readString(r), withOptions: t === LookupType.HostnameWithOptions };
    case LookupType.Destination:
      return { kind: 'destination', destination: readDestination(r) };
    default:
      throw new DecodeError('DECODE_INVALID', `unknown HostLookup request type ${t}`, at);
  }
}
