import { EncodeError, readDestination, readHash, writeDestination } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

const HASH_BYTES = 32;

/**
 * Parsed by size, as Java does: an empty body is a failure without details (before 0.8.3),
 * 32 bytes are the hash that was not found, anything else is the Destination.
 */
export const destReply: MessageCodec<'DestReply'> = {
  name: 'DestReply',
  encode: (w, m) => {
    if (m.destination !== undefined) {
      if (m.hash !== undefined) throw new EncodeError('DestReply carries a Destination or a hash, not both');
      writeDestination(w, m.destination);
    } else if (m.hash !== undefined) {
      w.fixed(m.hash, HASH_BYTES, 'DestReply hash');
    }
  },
  decode: (r) => {
    if (r.remaining === 0) return { type: 'DestReply' };
    if (r.remaining === HASH_BYTES) return { type: 'DestReply', hash: readHash(r) };
    return { type: 'DestReply', destination: readDestination(r) };
  },
};
