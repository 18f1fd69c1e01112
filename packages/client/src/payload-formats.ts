import { destinationHash, toI2cpError, type Dialect, type I2cpError } from '@i2cp/data';
import { E2eDecryptor, E2eEncryptor } from './e2e/index.js';
import { decodeE2eState, encodeE2eState } from './e2e/state.js';
import type { E2eStateStore } from './e2e/state-store.js';
import { carriesDatagram, datagramCodec } from './datagram-payloads.js';
import { decodePayload, encodePayload } from './payload/index.js';
import type { DecodedPayload, EncodedPayload, OutgoingPayload, PayloadFormat } from './payload-format.js';
import type { OfflineKeys, SessionKeys } from './session-keys.js';

/**
 * The payload format a session of this dialect speaks with its keys. A 2003 session with a
 * `store` restores its receiving state from it at once (throws IO or STATE_CORRUPT). `offline`
 * keys sign Datagram2s in place of the Destination's key.
 */
export function createPayloadFormat(dialect: Dialect, keys: SessionKeys, store?: E2eStateStore, offline?: OfflineKeys): PayloadFormat {
  return dialect === 'current' ? currentFormat(keys, offline) : draftFormat(keys, store);
}

const nothingToSettle = (): void => undefined;
const acceptAtOnce = (end: () => Promise<void>): void => {
  // A failed End (the link went down) is the link's failure, reported there.
  end().catch(() => undefined);
};

/** Gzip container with ports and protocol; protocols 17, 19 and 20 carry datagrams (datagram-payloads.ts). */
function currentFormat(keys: SessionKeys, offline: OfflineKeys | undefined): PayloadFormat {
  const datagrams = datagramCodec(keys, offline);
  return {
    encode(to, payload: OutgoingPayload): EncodedPayload {
      const data = datagrams.wrap(to, payload.protocol, payload.data);
      return { bytes: encodePayload(data === payload.data ? payload : { ...payload, data }), settle: nothingToSettle };
    },
    decode(bytes: Uint8Array): DecodedPayload {
      const payload = decodePayload(bytes);
      const { data, protocol, fromPort, toPort } = payload;
      if (carriesDatagram(protocol)) return { ...datagrams.unwrap(payload), accept: acceptAtOnce, discard: nothingToSettle, stateless: true };
      // An object literal of one shape, not a spread: this runs for every plain message received.
      return { data, protocol, fromPort, toPort, accept: acceptAtOnce, discard: nothingToSettle, stateless: true };
    },
    close: nothingToSettle,
  };
}

/**
 * 2003: ElGamal/AES+SessionTag to the recipient Destination's ElGamal key, so the router only sees
 * ciphertext. The 2003 payload has no ports or protocol. Delivered tags count only once the router
 * reports success, so a lost message never leaves the sender using tags the recipient lacks.
 *
 * Receiving: a message's tag is spent only when the application is done with it. With a store,
 * the state (every tag not spent that way) is saved before the ReceiveMessageEnd of each message
 * that delivered new tags: the sender uses tags only after that End, so a new process restoring the
 * store can read every message the router still holds. Saving per tag delivery, not per message,
 * keeps the cost at one file write per `tagsPerDelivery` messages.
 */
function draftFormat(keys: SessionKeys, store: E2eStateStore | undefined): PayloadFormat {
  const encryptor = new E2eEncryptor();
  const decryptor = new E2eDecryptor(keys.privateKey);
  const owner = destinationHash(keys.destination);
  const saved = store?.load();
  if (saved !== undefined) decryptor.restore(decodeE2eState(owner, saved));
  const save = (): void => {
    store?.save(encodeE2eState(owner, decryptor.snapshot()));
  };
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
    decode(bytes: Uint8Array): DecodedPayload {
      const opened = decryptor.open(bytes);
      return {
        data: opened.body,
        protocol: 0,
        fromPort: 0,
        toPort: 0,
        accept(end) {
          let failure: I2cpError | undefined;
          if (opened.tagsDelivered > 0) {
            try {
              save();
            } catch (error) {
              failure = toI2cpError(error, 'IO', 'cannot save the end-to-end state');
            }
          }
          // The tag is spent only once the End is in the socket: a state saved meanwhile (for a later
          // message of the same burst) still holds it, so a process killed before its End left can
          // have the router's copy read by the process that resumes the session. The End's write
          // is coalesced to the end of the event-loop turn, after such saves.
          end().then(
            () => {
              opened.commit();
            },
            () => {
              opened.release();
            },
          );
          if (failure !== undefined) throw failure;
        },
        discard: () => {
          opened.release();
        },
      };
    },
    close: save,
  };
}
