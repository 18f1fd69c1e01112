/**
 * Offline (transient) signing keys, proposal 123: the Destination's key signs, once and offline,
 * an expiry, a transient key type and a transient public key; the transient key then signs the
 * session's SessionConfig and LeaseSet2s. In a LeaseSet2 the authorisation is the OfflineSignature
 * block of the header; in a current SessionConfig it travels as three options, as Java I2P reads them.
 */
import { I2cpError } from '../errors.js';
import { SigType } from '../key-types.js';
import type { SigningPrivateKey, SigningPublicKey } from '../key-types.js';
import { sign, verify } from '../crypto/signing.js';
import { fromBase64, toBase64 } from '../encoding/base64.js';
import { offlineSignatureSignedBytes } from './lease-set2.js';
import { TRANSIENT_KEY_OPTION, parseSigType } from './session-config.js';
import type { Destination, Mapping, OfflineSignature } from './types.js';

/** Expiry of the authorisation, seconds since the epoch. */
export const OFFLINE_EXPIRATION_OPTION = 'i2cp.leaseSetOfflineExpiration';
/** Base64 of the Destination's signature over expires ‖ transient type ‖ transient key. */
export const OFFLINE_SIGNATURE_OPTION = 'i2cp.leaseSetOfflineSignature';
export { TRANSIENT_KEY_OPTION };

/**
 * The Destination's authorisation of a transient key until `expiresSeconds` (seconds since the
 * epoch): its key signs expires:4 ‖ transient sigtype:2 ‖ transient public key. BAD_KEY when the
 * key is not of the Destination's signature type; ENCODE_INVALID for an expiry outside 0..2^32-1.
 */
export function createOfflineSignature(
  destination: Destination,
  destinationSigningKey: SigningPrivateKey,
  transientKey: SigningPublicKey,
  expiresSeconds: number,
): OfflineSignature {
  const destinationType = destination.signingPublicKey.sigType;
  if (destinationSigningKey.sigType !== destinationType) {
    throw new I2cpError(
      'BAD_KEY',
      `an offline signature must be made with the Destination's type ${destinationType} key, got type ${destinationSigningKey.sigType}`,
    );
  }
  const part = { expiresSeconds, transientKey };
  return { ...part, signature: sign(destinationSigningKey, offlineSignatureSignedBytes(part)) };
}

/** Whether the Destination's key made this offline signature. Its expiry is the caller's business (it needs a clock). */
export function verifyOfflineSignature(destination: Destination, o: OfflineSignature): boolean {
  return verify(destination.signingPublicKey, offlineSignatureSignedBytes(o), o.signature);
}

/**
 * The three SessionConfig options that carry an offline signature (current dialect), the
 * transient key written as `code:base64` and the expiry in seconds, as Java's client writes them.
 */
export function offlineSignatureOptions(o: OfflineSignature): Mapping {
  return new Map([
    [OFFLINE_EXPIRATION_OPTION, String(o.expiresSeconds)],
    [TRANSIENT_KEY_OPTION, `${o.transientKey.sigType}:${toBase64(o.transientKey.bytes)}`],
    [OFFLINE_SIGNATURE_OPTION, toBase64(o.signature.bytes)],
  ]);
}

/**
 * The offline signature a SessionConfig's options carry, or undefined when they name no transient
 * key or are malformed (a missing option, an unknown type, bad base64, an expiry that is not a
 * 32-bit number of seconds). The transient key's type defaults to DSA_SHA1 when not given, as in Java.
 */
export function offlineSignatureFromOptions(options: Mapping, destinationSigType: number): OfflineSignature | undefined {
  const transient = options.get(TRANSIENT_KEY_OPTION);
  const expires = options.get(OFFLINE_EXPIRATION_OPTION);
  const signature = options.get(OFFLINE_SIGNATURE_OPTION);
  if (transient === undefined || expires === undefined || signature === undefined || !/^\d{1,10}$/.test(expires)) return undefined;
  const colon = transient.indexOf(':');
  const sigType = colon < 0 ? SigType.DSA_SHA1 : parseSigType(transient.slice(0, colon));
  const expiresSeconds = Number(expires);
  if (sigType === undefined || expiresSeconds > 0xffff_ffff) return undefined;
  try {
    const key = fromBase64(transient.slice(colon + 1));
    const sig = fromBase64(signature);
    return { expiresSeconds, transientKey: { sigType, bytes: key }, signature: { sigType: destinationSigType, bytes: sig } };
  } catch {
    return undefined;
  }
}
