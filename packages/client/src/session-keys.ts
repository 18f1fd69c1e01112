import type { Destination, PrivateKey, SigningPrivateKey } from '@i2cp/data';

/** A Destination and its private keys: what `generateDestination()` and `readPrivateKeyFile()` of @i2cp/data return. */
export interface SessionKeys {
  readonly destination: Destination;
  readonly privateKey: PrivateKey;
  readonly signingPrivateKey: SigningPrivateKey;
}
