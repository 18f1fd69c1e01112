import { destinationFromBytes, fromBase64, parseB32Address, type Destination } from '@i2cp/data';

/** What a send or lookup names, once the string form is understood. */
export type RecipientKey =
  | { readonly kind: 'destination'; readonly destination: Destination }
  | { readonly kind: 'hash'; readonly hash: Uint8Array }
  | { readonly kind: 'hostname'; readonly hostname: string };

const B32_SUFFIX = /\.b32\.i2p$/i;
/** A Destination is at least 387 bytes, i.e. 516 base64 characters. */
const MIN_BASE64_DESTINATION = 516;
const BASE64_CHARS = /^[A-Za-z0-9~=-]+$/;

/**
 * Understands a recipient: a Destination object, a 32-byte hash, a "….b32.i2p" address, a base64
 * Destination, or any other string as a host name for the router to resolve.
 */
export function parseRecipient(to: Destination | Uint8Array | string): RecipientKey {
  if (to instanceof Uint8Array) {
    if (to.length !== 32) throw new RangeError(`a destination hash is 32 bytes, got ${to.length}`);
    return { kind: 'hash', hash: to };
  }
  if (typeof to !== 'string') return { kind: 'destination', destination: to };
  const s = to.trim();
  if (s.length === 0) throw new RangeError('empty destination');
  if (B32_SUFFIX.test(s)) return { kind: 'hash', hash: parseB32Address(s) };
  if (s.length >= MIN_BASE64_DESTINATION && BASE64_CHARS.test(s)) {
    return { kind: 'destination', destination: destinationFromBytes(fromBase64(s)) };
  }
  return { kind: 'hostname', hostname: s };
}
