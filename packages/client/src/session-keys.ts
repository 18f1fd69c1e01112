import {
  I2cpError,
  bytesEqual,
  signingPublicKeyFor,
  verifyOfflineSignature,
  type Destination,
  type Dialect,
  type OfflineKeys,
  type PrivateKey,
  type SigningPrivateKey,
} from '@i2cp/data';
import type { Datagram2Signer, DatagramSigner } from './payload/index.js';

/** A Destination and its private keys: what `generateDestination()` and `readPrivateKeyFile()` of @i2cp/data return. */
export interface SessionKeys {
  readonly destination: Destination;
  readonly privateKey: PrivateKey;
  /**
   * The Destination's signing key. A session created with `offline` keys never uses it for the
   * router (the transient key signs) and may leave it out; it then cannot send repliable datagrams.
   */
  readonly signingPrivateKey?: SigningPrivateKey;
}

export type { OfflineKeys };

/** What signs repliable datagrams (protocol 17): the Destination's own key, which offline-only sessions lack. */
export function datagramSigner(keys: SessionKeys): DatagramSigner {
  const { destination, signingPrivateKey } = keys;
  if (signingPrivateKey === undefined) {
    throw new I2cpError(
      'BAD_KEY',
      "repliable datagrams (protocol 17) are signed by the Destination's own key, which this session (offline keys only) does not have; send Datagram2 (protocol 19) or raw datagrams (18)",
    );
  }
  return { destination, signingPrivateKey };
}

/** What signs Datagram2 (protocol 19): the transient key with its offline signature, else the Destination's own key. */
export function datagram2Signer(keys: SessionKeys, offline: OfflineKeys | undefined): Datagram2Signer {
  const { destination } = keys;
  if (offline !== undefined) {
    return { destination, signingPrivateKey: offline.transientSigningPrivateKey, offlineSignature: offline.offlineSignature };
  }
  return { destination, signingPrivateKey: destinationSigner(keys, 'a Datagram2 without offline keys') };
}

/** The Destination's signing key, for what only it can sign. */
export function destinationSigner(keys: SessionKeys, what: string): SigningPrivateKey {
  if (keys.signingPrivateKey === undefined) throw new I2cpError('BAD_KEY', `${what} needs the Destination's signingPrivateKey`);
  return keys.signingPrivateKey;
}

/**
 * Offline keys a session can use: current dialect, authorised by this Destination's key, and the
 * transient private key is the one authorised. The expiry is checked on the router clock when the
 * SessionConfig is signed.
 */
export function checkOfflineKeys(dialect: Dialect, keys: SessionKeys, offline: OfflineKeys): void {
  if (typeof offline !== 'object' || !('transientSigningPrivateKey' in offline) || !('offlineSignature' in offline)) {
    throw new TypeError('offline must be { transientSigningPrivateKey, offlineSignature } (see generateOfflineKeys of @i2cp/data)');
  }
  if (dialect !== 'current') throw new I2cpError('BAD_ARGUMENT', 'offline keys need the current dialect (a 2003 SessionConfig cannot carry them)');
  const authorised = offline.offlineSignature.transientKey;
  if (!verifyOfflineSignature(keys.destination, offline.offlineSignature)) {
    throw new I2cpError('BAD_KEY', "the offline signature was not made by this session's Destination key");
  }
  const transient = signingPublicKeyFor(offline.transientSigningPrivateKey);
  if (transient.sigType !== authorised.sigType || !bytesEqual(transient.bytes, authorised.bytes)) {
    throw new I2cpError('BAD_KEY', 'the transient signing key is not the one the offline signature authorises');
  }
}
