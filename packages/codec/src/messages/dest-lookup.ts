import { readHash } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

/** The 32-byte hash of the wanted Destination; no SessionId. */
export const destLookup: MessageCodec<'DestLookup'> = {
  name: 'DestLookup',
  encode: (w, m) => w.fixed(m.hash, 32, 'DestLookup hash'),
  decode: (r) => ({ type: 'DestLookup', hash: readHash(r) }),
};
