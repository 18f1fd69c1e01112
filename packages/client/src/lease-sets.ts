import {
  EncType,
  I2cpError,
  LS2_FLAG_OFFLINE,
  generateEncryptionKeys,
  randomBytes,
  signLeaseSet,
  signLeaseSet2,
  signLeaseSet2003,
  type Lease,
  type OfflineKeys,
  type PrivateKey,
  type PublicKey,
} from '@i2cp/data';
import type {
  CreateLeaseSet2003Message,
  CreateLeaseSet2Message,
  CreateLeaseSetMessage,
  RequestLeaseSet2003Message,
} from '@i2cp/codec';
import { destinationSigner, type SessionKeys } from './session-keys.js';

/** Which lease set a current-dialect session publishes, from `i2cp.leaseSetType` / `i2cp.leaseSetEncType`. */
export interface LeaseSetPlan {
  /** 1 = LS1 via CreateLeaseSet (ElGamal only), 3 = LeaseSet2 via CreateLeaseSet2. */
  readonly type: 1 | 3;
  /** Encryption types in preference order (LS2 may carry X25519 and ElGamal). */
  readonly encTypes: readonly (0 | 4)[];
}

/** LS2 with X25519 first and ElGamal as a fallback for older senders, as Java routers publish by default. */
const DEFAULT_LS2_ENC_TYPES = '4,0';

/** Reads the plan from the session options; BAD_CONFIG for anything this client cannot publish. */
export function leaseSetPlan(options: ReadonlyMap<string, string>): LeaseSetPlan {
  const typeText = options.get('i2cp.leaseSetType') ?? '3';
  if (typeText !== '1' && typeText !== '3') {
    throw new I2cpError('BAD_CONFIG', `i2cp.leaseSetType=${typeText} is not supported (use 1 for LS1 or 3 for LeaseSet2)`);
  }
  const type = typeText === '1' ? 1 : 3;
  const encText = options.get('i2cp.leaseSetEncType') ?? (type === 1 ? '0' : DEFAULT_LS2_ENC_TYPES);
  const encTypes = encText.split(',').map((part) => {
    const t = part.trim();
    if (t !== '0' && t !== '4') throw new I2cpError('BAD_CONFIG', `i2cp.leaseSetEncType=${encText}: only 0 (ElGamal) and 4 (X25519) are supported`);
    return t === '0' ? 0 : 4;
  });
  if (new Set(encTypes).size !== encTypes.length) throw new I2cpError('BAD_CONFIG', `i2cp.leaseSetEncType=${encText} repeats a type`);
  if (type === 1 && (encTypes.length !== 1 || encTypes[0] !== 0)) {
    throw new I2cpError('BAD_CONFIG', 'an LS1 lease set (i2cp.leaseSetType=1) carries exactly one ElGamal key (i2cp.leaseSetEncType=0)');
  }
  return { type, encTypes };
}

/** An LS1 has no room for an offline signature: BAD_CONFIG for that combination. */
export function assertPlanFits(plan: LeaseSetPlan, offline: OfflineKeys | undefined): void {
  if (plan.type === 1 && offline !== undefined) {
    throw new I2cpError(
      'BAD_CONFIG',
      'an LS1 lease set (i2cp.leaseSetType=1) cannot carry an offline signature: a session with offline keys publishes a LeaseSet2 (i2cp.leaseSetType=3)',
    );
  }
}

interface KeyPair {
  readonly publicKey: PublicKey;
  readonly privateKey: PrivateKey;
}

/**
 * Builds the answers to the router's lease-set requests for one session. Encryption keys are made
 * once (a restarted session keeps the keys senders already know) and only those the plan needs.
 */
export class LeaseSetBuilder {
  readonly #keys: SessionKeys;
  /** With offline keys, LS2s carry the Destination's authorisation and the transient key signs them. */
  readonly #offline: OfflineKeys | undefined;
  readonly #pairs = new Map<number, KeyPair>();
  #lastPublishedSeconds = 0;
  #lastVersion = 0;

  constructor(keys: SessionKeys, offline?: OfflineKeys) {
    this.#keys = keys;
    this.#offline = offline;
  }

  /** Makes the keys a plan needs now, so a lease-set request is answered without delay. */
  prepare(plan: LeaseSetPlan): void {
    for (const encType of plan.encTypes) this.#pair(encType);
  }

  #pair(encType: 0 | 4): KeyPair {
    let pair = this.#pairs.get(encType);
    if (pair === undefined) {
      const own = this.#keys.destination.publicKey;
      // An ElGamal Destination brings its own key pair (the one an LS1 is expected to carry).
      pair =
        encType === EncType.ElGamal && own.encType === EncType.ElGamal && this.#keys.privateKey.encType === EncType.ElGamal
          ? { publicKey: own, privateKey: this.#keys.privateKey }
          : generateEncryptionKeys(encType);
      this.#pairs.set(encType, pair);
    }
    return pair;
  }

  /** CreateLeaseSet (LS1) or CreateLeaseSet2 (LS2) for a RequestVariableLeaseSet, times on the router's clock. */
  current(sessionId: number, leases: readonly Lease[], plan: LeaseSetPlan, routerNow: number): CreateLeaseSetMessage | CreateLeaseSet2Message {
    const destination = this.#keys.destination;
    if (plan.type === 1) {
      assertPlanFits(plan, this.#offline);
      const elgamal = this.#pair(0);
      const leaseSet = signLeaseSet(
        { destination, encryptionKey: elgamal.publicKey, signingKey: destination.signingPublicKey, leases },
        destinationSigner(this.#keys, 'an LS1'),
      );
      // The 20-byte revocation key field is unused by every router; random bytes, as Java writes.
      return { type: 'CreateLeaseSet', dialect: 'current', sessionId, signingPrivateKey: randomBytes(20), privateKey: elgamal.privateKey, leaseSet };
    }
    const pairs = plan.encTypes.map((t) => this.#pair(t));
    // Floodfills drop an LS2 not published at least a second after the one before.
    const published = Math.max(Math.floor(routerNow / 1000), this.#lastPublishedSeconds + 1);
    this.#lastPublishedSeconds = published;
    const lastEnd = leases.reduce((end, l) => Math.max(end, Math.floor(l.endDate / 1000)), 0);
    const expires = Math.min(65535, Math.max(1, lastEnd > published ? lastEnd - published : 600));
    const offline = this.#offline;
    const leaseSet = signLeaseSet2(
      {
        destination,
        publishedSeconds: published,
        expiresOffsetSeconds: expires,
        ...(offline === undefined ? { flags: 0 } : { flags: LS2_FLAG_OFFLINE, offlineSignature: offline.offlineSignature }),
        options: new Map(),
        encryptionKeys: pairs.map((p) => p.publicKey),
        leases: leases.map((l) => ({ gateway: l.gateway, tunnelId: l.tunnelId, endSeconds: Math.floor(l.endDate / 1000) })),
      },
      offline?.transientSigningPrivateKey ?? destinationSigner(this.#keys, 'a LeaseSet2 without offline keys'),
    );
    return { type: 'CreateLeaseSet2', sessionId, store: { storeType: 3, leaseSet }, privateKeys: pairs.map((p) => p.privateKey) };
  }

  /** The 2003 answer: a 2003 LeaseSet with the Destination's own keys, signed by it. */
  draft2003(request: RequestLeaseSet2003Message): CreateLeaseSet2003Message {
    const destination = this.#keys.destination;
    const signingPrivateKey = destinationSigner(this.#keys, 'a 2003 LeaseSet');
    // The 2003 LeaseSet version only has to grow; seconds keep it growing across restarts too.
    const version = (Math.max(Math.floor(Date.now() / 1000), this.#lastVersion + 1) >>> 0) || 1;
    this.#lastVersion = version;
    const leaseSet = signLeaseSet2003(
      {
        destination,
        encryptionKey: destination.publicKey,
        signingKey: destination.signingPublicKey,
        version,
        leases: request.tunnels.map((t) => ({ gateway: t.gateway, tunnelId: t.tunnelId, startDate: request.startDate, endDate: request.endDate })),
      },
      signingPrivateKey,
    );
    return {
      type: 'CreateLeaseSet',
      dialect: '2003',
      sessionId: request.sessionId,
      signingPrivateKey,
      privateKey: this.#keys.privateKey,
      leaseSet,
    };
  }
}
