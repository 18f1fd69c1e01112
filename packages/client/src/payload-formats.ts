import type { Dialect } from '@i2cp/data';
import { E2eDecryptor, E2eEncryptor } from './e2e/index.js';
import { Protocol, decodePayload, decodeRepliableDatagram, encodePayload, encodeRepliableDatagram } from './payload/index.js';
import type { EncodedPayload, IncomingPayload, OutgoingPayload, PayloadFormat } from './payload-format.js';
import type { SessionKeys } from './session-keys.js';

/** The payload format a session of this dialect speaks with its keys. */
export function createPayloadFormat(dialect: Dialect, keys: SessionKeys): PayloadFormat {
  return dialect === 'current' ? currentFormat(keys) : draftFormat(keys);
}

const nothingToSettle = (): void => undefined;

/** Gzip container with ports and protocol; protocol 17 is signed as a repliable datagram. */
function currentFormat(keys: SessionKeys): PayloadFormat {
  return {
    encode(_to, payload: OutgoingPayload): EncodedPayload {
      const data = payload.protocol === Protocol.RepliableDatagram ? encodeRepliableDatagram(keys, payload.data) : payload.data;
      return { bytes: encodePayload({ ...payload, data }), settle: nothingToSettle };
    },
    decode(bytes: Uint8Array): IncomingPayload {
      const payload = decodePayload(bytes);
      if (payload.protocol !== Protocol.RepliableDatagram) return payload;
      const { sender, data } = decodeRepliableDatagram(payload.data);
      return { ...payload, data, sender };
    },
  };
}

/**
 * 2003: ElGamal/AES+SessionTag to the recipient Destination's ElGamal key, so the router only sees
 * ciphertext. The 2003 payload has no ports or protocol. Delivered tags count only once the router
 * reports success, so a lost message never leaves the sender using tags the recipient lacks.
 */
function draftFormat(keys: SessionKeys): PayloadFormat {
  const encryptor = new E2eEncryptor();
  const decryptor = new E2eDecryptor(keys.privateKey);
  return {
    encode(to, payload: OutgoingPayload): EncodedPayload {
      const sealed = encryptor.seal(to.publicKey, payload.data);
      return {
        bytes: sealed.data,
        settle: (delivered) => {
          if (delivered) sealed.confirm();
          else sealed.fail();
        },
      };
    },
    decode(bytes: Uint8Array): IncomingPayload {
      return { data: decryptor.decrypt(bytes), protocol: 0, fromPort: 0, toPort: 0 };
    },
  };
}
