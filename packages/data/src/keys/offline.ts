/** Transient signing keys authorised by a Destination (offline keys, proposal 123). */
import { generateSigningKeys } from '../crypto/signing.js';
import { SigType } from '../key-types.js';
import type { SigningPrivateKey } from '../key-types.js';
import { createOfflineSignature } from '../structures/offline.js';
import type { Destination, OfflineSignature } from '../structures/types.js';

/** A transient signing key and the Destination's authorisation of it: what a session with offline keys needs. */
export interface OfflineKeys {
  /** Signs the SessionConfig and the LeaseSet2s in place of the Destination's key. */
  readonly transientSigningPrivateKey: SigningPrivateKey;
  /** Expiry, transient public key and the Destination's signature over both. */
  readonly offlineSignature: OfflineSignature;
}

export interface GenerateOfflineKeysOptions {
  /** When the authorisation ends: ms since the epoch or a Date (whole seconds on the wire, rounded down). */
  readonly expires: number | Date;
  /** Type of the transient key; default Ed25519 (7). */
  readonly sigType?: number;
}

/**
 * Makes a fresh transient key and signs its authorisation with the Destination's key, the step
 * done once on the machine that holds that key. RangeError for an expiry that is not a time in
 * 1970..2106 (the 32-bit seconds field); BAD_KEY when the key is not the Destination's type.
 */
export function generateOfflineKeys(
  keys: { readonly destination: Destination; readonly signingPrivateKey: SigningPrivateKey },
  options: GenerateOfflineKeysOptions,
): OfflineKeys {
  const ms = options.expires instanceof Date ? options.expires.getTime() : options.expires;
  const expiresSeconds = Math.floor(ms / 1000);
  if (!Number.isFinite(ms) || expiresSeconds < 0 || expiresSeconds > 0xffff_ffff) {
    throw new RangeError(`offline keys expire between 1970 and 2106 (32-bit seconds), got ${String(options.expires)}`);
  }
  const transient = generateSigningKeys(options.sigType ?? SigType.EdDSA_SHA512_Ed25519);
  return {
    transientSigningPrivateKey: transient.privateKey,
    offlineSignature: createOfflineSignature(keys.destination, keys.signingPrivateKey, transient.publicKey, expiresSeconds),
  };
}
