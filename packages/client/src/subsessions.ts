import { I2cpError, samePublicKeyField } from '@i2cp/data';
import type { Destination } from '@i2cp/data';

/**
 * Current dialect: a router takes the second and later sessions of a connection as subsessions of the
 * first, and Java routers (and the router stub) want their Destinations to have the first one's
 * 256-byte public-key field; otherwise the router ends the whole connection, the first session
 * included. So a mismatch is refused here, before anything is sent (`BAD_ARGUMENT`).
 */
export function checkSubsessionKeys(sessions: Iterable<{ readonly destination: Destination }>, destination: Destination): void {
  for (const primary of sessions) {
    if (!samePublicKeyField(primary.destination, destination)) {
      throw new I2cpError(
        'BAD_ARGUMENT',
        "a second session on a connection is a subsession: its Destination needs the first session's public key (generateDestination({ subsessionOf }) of @i2cp/data), or use another connection",
      );
    }
    return;
  }
}
