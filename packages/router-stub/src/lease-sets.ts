/**
 * Checks of the lease sets clients publish: signed by the session's Destination, and the private
 * keys handed over belong to the public keys the lease set publishes. Each check returns the reason
 * for a refusal, or undefined when the lease set is good.
 */
import {
  bytesEqual,
  encryptionPublicKeyFor,
  signingPublicKeyFor,
  verifyLeaseSet,
  verifyLeaseSet2,
  verifyLeaseSet2003,
} from '@i2cp/data';
import type { Destination, Mapping, PrivateKey, PublicKey } from '@i2cp/data';
import type { CreateLeaseSet2003Message, CreateLeaseSet2Message, CreateLeaseSetMessage } from '@i2cp/codec';
import { checkEncryptedLeaseSet, checkMetaLeaseSet } from './stored-lease-sets.js';
import type { StoredCheck } from './stored-lease-sets.js';

export type LeaseSetCheck = { readonly ok: true; readonly earliestEnd: number | undefined; readonly options?: Mapping } | { readonly ok: false; readonly reason: string };

export function checkCreateLeaseSet2003(destination: Destination, message: CreateLeaseSet2003Message): LeaseSetCheck {
  const ls = message.leaseSet;
  return guarded(() => {
    if (!bytesEqual(ls.destination.bytes, destination.bytes)) return refuse('the lease set is for another destination');
    if (!verifyLeaseSet2003(ls)) return refuse('bad lease set signature');
    if (!bytesEqual(signingPublicKeyFor(message.signingPrivateKey).bytes, ls.signingKey.bytes)) {
      return refuse('the SigningPrivateKey does not match the lease set signing key');
    }
    if (!keyMatches(message.privateKey, ls.encryptionKey)) return refuse('the PrivateKey does not match the lease set encryption key');
    return accept(earliest(ls.leases.map((l) => l.endDate)));
  });
}

export function checkCreateLeaseSet(destination: Destination, message: CreateLeaseSetMessage): LeaseSetCheck {
  const ls = message.leaseSet;
  return guarded(() => {
    if (!bytesEqual(ls.destination.bytes, destination.bytes)) return refuse('the lease set is for another destination');
    if (!verifyLeaseSet(ls)) return refuse('bad lease set signature');
    if (!keyMatches(message.privateKey, ls.encryptionKey)) return refuse('private/public crypto key mismatch in the lease set');
    return accept(earliest(ls.leases.map((l) => l.endDate)));
  });
}

export function checkCreateLeaseSet2(destination: Destination, message: CreateLeaseSet2Message): LeaseSetCheck {
  const store = message.store;
  if (store.storeType !== 3) {
    const bytes = store.bytes;
    return guarded(() => stored(store.storeType === 5 ? checkEncryptedLeaseSet(bytes) : checkMetaLeaseSet(destination, bytes)));
  }
  const ls = store.leaseSet;
  return guarded(() => {
    if (!bytesEqual(ls.destination.bytes, destination.bytes)) return refuse('the lease set is for another destination');
    if (!verifyLeaseSet2(ls)) return refuse('bad lease set signature');
    if (message.privateKeys.length !== ls.encryptionKeys.length) {
      return refuse(`${message.privateKeys.length} private keys for ${ls.encryptionKeys.length} encryption keys`);
    }
    for (let i = 0; i < ls.encryptionKeys.length; i++) {
      if (!keyMatches(message.privateKeys[i]!, ls.encryptionKeys[i]!)) return refuse(`private key ${i} does not match encryption key ${i}`);
    }
    return accept(earliest(ls.leases.map((l) => l.endSeconds * 1000)), ls.options);
  });
}

function stored(check: StoredCheck): LeaseSetCheck {
  return check.ok ? accept(check.earliestEnd) : refuse(check.reason);
}

function keyMatches(privateKey: PrivateKey, publicKey: PublicKey): boolean {
  return privateKey.encType === publicKey.encType && bytesEqual(encryptionPublicKeyFor(privateKey).bytes, publicKey.bytes);
}

function earliest(ends: readonly number[]): number | undefined {
  return ends.length === 0 ? undefined : Math.min(...ends);
}

function accept(earliestEnd: number | undefined, options?: Mapping): LeaseSetCheck {
  return options === undefined ? { ok: true, earliestEnd } : { ok: true, earliestEnd, options };
}

function refuse(reason: string): LeaseSetCheck {
  return { ok: false, reason };
}

/** Key types the crypto cannot handle are refusals with a reason, not crashes. */
function guarded(check: () => LeaseSetCheck): LeaseSetCheck {
  try {
    return check();
  } catch (e) {
    return refuse(e instanceof Error ? e.message : String(e));
  }
}
