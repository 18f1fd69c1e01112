/**
 * The signed and sender-carrying datagram formats of the current dialect, by protocol number:
 * 17 repliable (Datagram1), 19 Datagram2, 20 Datagram3. Other protocols pass through unchanged.
 */
import { destinationHash, type Destination, type Mapping } from '@i2cp/data';
import {
  Protocol,
  decodeDatagram2,
  decodeDatagram3,
  decodeRepliableDatagram,
  encodeDatagram2,
  encodeDatagram3,
  encodeRepliableDatagram,
  type Payload,
} from './payload/index.js';
import type { IncomingPayload } from './payload-format.js';
import { datagram2Signer, datagramSigner, type OfflineKeys, type SessionKeys } from './session-keys.js';

/** Wraps and unwraps the datagrams of one session (its keys sign, its Destination hash is the Datagram2 recipient). */
export interface DatagramCodec {
  /** The bytes to carry for `data` sent to `to` with `protocol`; throws BAD_KEY, PAYLOAD_TOO_LARGE. */
  wrap(to: Destination, protocol: number, data: Uint8Array): Uint8Array;
  /** The payload with its datagram read and verified; throws BAD_SIGNATURE or a DecodeError. */
  unwrap(payload: Payload): IncomingPayload;
}

/** Whether payloads of this protocol carry a datagram that wrap and unwrap handle (17, 19, 20). */
export function carriesDatagram(protocol: number): boolean {
  return protocol === Protocol.RepliableDatagram || protocol === Protocol.Datagram2 || protocol === Protocol.Datagram3;
}

export function datagramCodec(keys: SessionKeys, offline: OfflineKeys | undefined): DatagramCodec {
  let ownHash: Uint8Array | undefined;
  const own = (): Uint8Array => (ownHash ??= destinationHash(keys.destination));
  return {
    wrap(to, protocol, data) {
      switch (protocol) {
        case Protocol.RepliableDatagram:
          return encodeRepliableDatagram(datagramSigner(keys), data);
        case Protocol.Datagram2:
          return encodeDatagram2(datagram2Signer(keys, offline), to, data);
        case Protocol.Datagram3:
          return encodeDatagram3(own(), data);
        default:
          return data;
      }
    },
    unwrap(payload) {
      switch (payload.protocol) {
        case Protocol.RepliableDatagram: {
          const { sender, data } = decodeRepliableDatagram(payload.data);
          return { ...payload, data, sender };
        }
        case Protocol.Datagram2: {
          const d = decodeDatagram2(payload.data, own());
          return { ...payload, data: d.data, sender: d.sender, ...optionsOf(d.options) };
        }
        case Protocol.Datagram3: {
          const d = decodeDatagram3(payload.data);
          return { ...payload, data: d.data, senderHash: d.senderHash, ...optionsOf(d.options) };
        }
        default:
          return payload;
      }
    },
  };
}

function optionsOf(options: Mapping): { datagramOptions?: Mapping } {
  return options.size === 0 ? {} : { datagramOptions: options };
}
