/** New destinations: fresh signing and encryption keys wrapped in a Destination. */
import { generateEncryptionKeys } from '../crypto/encryption.js';
import { generateSigningKeys } from '../crypto/signing.js';
import type { PrivateKey, SigningPrivateKey } from '../key-types.js';
import { EncType, SigType } from '../key-types.js';
import { createDestination } from '../structures/destination.js';
import type { Destination } from '../structures/types.js';

/** A Destination with the private keys that belong to it. */
export interface DestinationKeys {
  readonly destination: Destination;
  /** Private key of the Destination's crypto field (and of an LS1 built from it). */
  readonly privateKey: PrivateKey;
  readonly signingPrivateKey: SigningPrivateKey;
}

export interface GenerateDestinationOptions {
  /** Default Ed25519 (7), what routers expect today. */
  readonly sigType?: number;
  /** Default ElGamal (0): the Java router refuses sessions whose Destination names another crypto type. */
  readonly encType?: number;
  /**
   * A Destination for a subsession of this one: its public-key field and private key, a new signing
   * key (`encType` is then ignored). Java routers want every session after the first on a connection
   * to have the first one's public key.
   */
  readonly subsessionOf?: Pick<DestinationKeys, 'destination' | 'privateKey'>;
}

export function generateDestination(options: GenerateDestinationOptions = {}): DestinationKeys {
  const signing = generateSigningKeys(options.sigType ?? SigType.EdDSA_SHA512_Ed25519);
  const primary = options.subsessionOf;
  const encryption =
    primary === undefined
      ? generateEncryptionKeys(options.encType ?? EncType.ElGamal)
      : { publicKey: primary.destination.publicKey, privateKey: primary.privateKey };
  const destination = createDestination({ publicKey: encryption.publicKey, signingPublicKey: signing.publicKey });
  return { destination, privateKey: encryption.privateKey, signingPrivateKey: signing.privateKey };
}
