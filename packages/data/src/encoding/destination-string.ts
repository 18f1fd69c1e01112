import { I2cpError, isI2cpError } from '../errors.js';
import { destinationFromBytes } from '../structures/destination.js';
import type { Destination } from '../structures/types.js';
import { parseB32Address } from './b32-address.js';
import { fromBase64 } from './base64.js';

/**
 * What a user may type for a peer: a full destination in I2P base64 (optionally ending in ".i2p",
 * as Java I2P accepts) gives the Destination; a ".b32.i2p" address gives only its hash, which a
 * lookup must resolve. BAD_ADDRESS for anything else.
 */
export function parseDestinationString(s: string): Destination | { readonly hash: Uint8Array } {
  const text = s.trim();
  if (text.toLowerCase().endsWith('.b32.i2p')) return { hash: parseB32Address(text) };
  const base64 = text.endsWith('.i2p') ? text.slice(0, -'.i2p'.length) : text;
  try {
    return destinationFromBytes(fromBase64(base64));
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    throw new I2cpError('BAD_ADDRESS', `not a base64 destination or .b32.i2p address: ${e.message}`, { cause: e });
  }
}
