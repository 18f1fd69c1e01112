import { sha256 } from '../crypto/hash.js';
import { I2cpError, isI2cpError } from '../errors.js';
import { fromBase32, toBase32 } from './base32.js';

const SUFFIX = '.b32.i2p';
const HASH_LENGTH = 32;
/** 256 bits in 5-bit characters. */
const NAME_LENGTH = 52;

/**
 * The "<52 chars>.b32.i2p" name of a destination: base32 of its SHA-256 hash. Takes the 32-byte
 * hash itself, or anything with the destination's `bytes` (a Destination), which it hashes.
 */
export function b32Address(hashOrDestination: Uint8Array | { readonly bytes: Uint8Array }): string {
  const hash = hashOrDestination instanceof Uint8Array ? hashOrDestination : sha256(hashOrDestination.bytes);
  if (hash.length !== HASH_LENGTH) throw new I2cpError('BAD_ARGUMENT', `a destination hash is 32 bytes, got ${hash.length}`);
  return toBase32(hash) + SUFFIX;
}

/**
 * The 32-byte hash named by a ".b32.i2p" address (any letter case). BAD_ADDRESS for anything
 * else, including the longer names of blinded (encrypted lease set) destinations.
 */
export function parseB32Address(address: string): Uint8Array {
  const lower = address.toLowerCase();
  if (!lower.endsWith(SUFFIX)) throw new I2cpError('BAD_ADDRESS', `not a .b32.i2p address: ${JSON.stringify(address)}`);
  const name = lower.slice(0, -SUFFIX.length);
  if (name.length !== NAME_LENGTH) {
    const why = name.length > NAME_LENGTH ? 'blinded (encrypted lease set) addresses are not supported' : 'too short';
    throw new I2cpError('BAD_ADDRESS', `${JSON.stringify(address)}: name must be ${NAME_LENGTH} characters (${why})`);
  }
  try {
    return fromBase32(name);
  } catch (e) {
    if (!isI2cpError(e)) throw e;
    throw new I2cpError('BAD_ADDRESS', `${JSON.stringify(address)}: ${e.message}`, { cause: e });
  }
}
