import { I2cpError, type Dialect } from '@i2cp/data';
import { Protocol, decodePayload, decodeRepliableDatagram, encodePayload, encodeRepliableDatagram } from './payload/index.js';
import type { IncomingPayload, OutgoingPayload, PayloadFormat } from './payload-format.js';
import type { SessionKeys } from './session-keys.js';

/** The payload format a session of this dialect speaks with its keys. */
export function createPayloadFormat(dialect: Dialect, keys: SessionKeys): PayloadFormat {
  if (dialect === 'current') return currentFormat(keys);
  throw new I2cpError('BAD_CONFIG', 'the 2003 end-to-end payload format is not available yet');
}

/** Gzip container with ports and protocol; protocol 17 is signed as a repliable datagram. */
function currentFormat(keys: SessionKeys): PayloadFormat {
  return {
    encode(_to, payload: OutgoingPayload): Uint8Array {
      const data = payload.protocol === Protocol.RepliableDatagram ? encodeRepliableDatagram(keys, payload.data) : payload.data;
      return encodePayload({ ...payload, data });
    },
    decode(bytes: Uint8Array): IncomingPayload {
      const payload = decodePayload(bytes);
      if (payload.protocol !== Protocol.RepliableDatagram) return payload;
      const { sender, data } = decodeRepliableDatagram(payload.data);
      return { ...payload, data, sender };
    },
  };
}
