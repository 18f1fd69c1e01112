import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { fromHex, I2cpError, toHex } from '@i2cp/data';

/**
 * A salted scrypt hash of an AuthenticationKey (the wire carries SHA-256(passphrase), so that is
 * what gets hashed). The parameters are stored with the hash so they can be raised later without
 * invalidating existing files.
 */
export interface PassphraseHash {
  readonly algorithm: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** hex */
  readonly salt: string;
  /** hex */
  readonly hash: string;
}

/** 2^14 × 8 × 128 B = 16 MiB and some tens of ms per check: slow for guessing, fine for rare admin calls. */
const PARAMETERS = { N: 2 ** 14, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

export async function hashAuthenticationKey(key: Uint8Array): Promise<PassphraseHash> {
  const salt = new Uint8Array(randomBytes(SALT_BYTES));
  const hash = await derive(key, salt, PARAMETERS);
  return { algorithm: 'scrypt', ...PARAMETERS, salt: toHex(salt), hash: toHex(hash) };
}

/** Constant-time comparison of scrypt(key) with the stored hash. */
export async function matchesAuthenticationKey(key: Uint8Array, stored: PassphraseHash): Promise<boolean> {
  const expected = fromHex(stored.hash);
  const actual = await derive(key, fromHex(stored.salt), stored, expected.length);
  return timingSafeEqual(actual, expected);
}

function derive(
  key: Uint8Array,
  salt: Uint8Array,
  parameters: { readonly N: number; readonly r: number; readonly p: number },
  length = HASH_BYTES,
): Promise<Uint8Array> {
  const { N, r, p } = parameters;
  return new Promise((resolve, reject) => {
    scrypt(key, salt, length, { N, r, p, maxmem: 256 * N * r }, (error, derived) => {
      if (error) reject(new I2cpError('STATE_CORRUPT', `cannot compute the passphrase hash: ${error.message}`, { cause: error }));
      else resolve(new Uint8Array(derived));
    });
  });
}
