/**
 * Offline (transient) signing keys, current dialect. The signatures themselves are checked by
 * verifySessionConfig / verifyLeaseSet2 of @i2cp/data; these are the checks around them: the
 * authorisation's expiry on the router clock (Java: "Offline signature for tunnel expired"), a
 * transient key type the router can verify, and lease sets consistent with the session's block.
 */
import { TRANSIENT_KEY_OPTION, bytesEqual, isSigTypeSupported, offlineSignatureFromOptions } from '@i2cp/data';
import type { OfflineSignature, SessionConfig } from '@i2cp/data';
import type { CreateLeaseSet2Message, CreateLeaseSetMessage } from '@i2cp/codec';

/** Why a current SessionConfig's offline keys are not acceptable now, or undefined (also when it has none). */
export function offlineSessionProblem(config: SessionConfig, now: number): string | undefined {
  if (!config.options.has(TRANSIENT_KEY_OPTION)) return undefined;
  const o = offlineSignatureFromOptions(config.options, config.destination.signingPublicKey.sigType);
  if (o === undefined) {
    return 'malformed offline signature options (i2cp.leaseSetOfflineExpiration, i2cp.leaseSetTransientPublicKey, i2cp.leaseSetOfflineSignature)';
  }
  return blockProblem(o, now, 'tunnel');
}

/**
 * Why a lease set does not fit the session's offline keys, or undefined. An offline session (one
 * whose SessionConfig carried a transient key) must publish a LeaseSet2 with the same transient
 * key, not an LS1, which cannot carry one; any LeaseSet2's offline block must not have expired.
 * Stricter than Java, which checks only the lease set's own signatures and expiry.
 */
export function offlineLeaseSetProblem(
  session: OfflineSignature | undefined,
  message: CreateLeaseSetMessage | CreateLeaseSet2Message,
  now: number,
): string | undefined {
  if (message.type === 'CreateLeaseSet') {
    return session === undefined ? undefined : 'the session signs with offline keys: an LS1 cannot carry them, publish a LeaseSet2';
  }
  if (message.store.storeType !== 3) return undefined;
  const block = message.store.leaseSet.offlineSignature;
  if (block === undefined) {
    return session === undefined ? undefined : "the session signs with offline keys: the LeaseSet2 must carry the session's offline signature";
  }
  if (session !== undefined && !sameKey(block, session)) {
    return 'the LeaseSet2 is signed by another transient key than the one the session was created with';
  }
  return blockProblem(block, now, 'lease set');
}

function blockProblem(o: OfflineSignature, now: number, what: string): string | undefined {
  if (o.expiresSeconds * 1000 < now) return `offline signature for ${what} expired ${new Date(o.expiresSeconds * 1000).toISOString()}`;
  if (!isSigTypeSupported(o.transientKey.sigType, 'verify')) return `unsupported transient signature type ${o.transientKey.sigType}`;
  return undefined;
}

function sameKey(a: OfflineSignature, b: OfflineSignature): boolean {
  return a.transientKey.sigType === b.transientKey.sigType && bytesEqual(a.transientKey.bytes, b.transientKey.bytes);
}
