import { I2cpError, bytesEqual } from '@i2cp/data';
import type { Destination } from '@i2cp/data';

/** The public-key field at the start of a Destination. */
const PUBLIC_KEY_FIELD = 256;

/**
 * Current dialect: a router takes the second and later sessions of a connection as subsessions of the
 * first, and Java routers (and the router stub) want their Destinations to have the first one's
 * 256-byte public-key field; otherwise the router ends the whole connection, the first session
 * included. So a mismatch is refused here, before anything is sent (`BAD_ARGUMENT`).
 */
export function checkSubsessionKeys(sessions: Iterable<{ readonly destination: Destination }>, destination: Destination): void {
  for (const primary of sessions) {
    if (!bytesEqual(primary.destination.bytes.subarray(0, PUBLIC_KEY_FIELD), destination.bytes.subarray(0, PUBLIC_KEY_FIELD))) {
      throw new I2cpError(
        'BAD_ARGUMENT',
        "a second session on a connection is a subsession: its Destination needs the first session's public key (generateDestination({ subsessionOf }) of @i2cp/data), or use another connection",
      );
    }
    return;
  }
}
