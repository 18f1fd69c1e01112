/**
 * What follows the payload of SendMessage (current: the nonce) and SendMessageExpires (nonce,
 * flags, 6-byte expiration). Shared by the codecs and the zero-copy parts, so both check alike.
 */
import { EncodeError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { forbidden, required } from './fields.js';
import type { SendMessageExpiresMessage, SendMessageMessage } from './types.js';

const EMPTY = new Uint8Array(0);

export function sendTrailer(m: SendMessageMessage | SendMessageExpiresMessage, dialect: Dialect): Uint8Array {
  if (m.type === 'SendMessage' && dialect === '2003') {
    forbidden(m.nonce, 'nonce', 'SendMessage', dialect);
    return EMPTY;
  }
  const nonce = required(m.nonce, 'a nonce', m.type, dialect);
  check(nonce, 0xffff_ffff, 'nonce');
  if (m.type === 'SendMessage') return put(new Uint8Array(4), 0, nonce, 4);
  check(m.flags, 0xffff, 'flags');
  check(m.expiration, 2 ** 48 - 1, 'expiration');
  const out = new Uint8Array(12);
  put(out, 0, nonce, 4);
  put(out, 4, m.flags, 2);
  return put(out, 6, m.expiration, 6);
}

function check(v: number, max: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new EncodeError(`${what} out of range: ${v}`);
}

/** Big-endian `n`-byte integer (n ≤ 6, so plain arithmetic is exact). */
function put(out: Uint8Array, at: number, v: number, n: number): Uint8Array {
  for (let i = n - 1; i >= 0; i--) {
    out[at + i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}
