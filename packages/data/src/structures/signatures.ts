/**
 * Signing and verifying the signed structures. Each signs exactly the bytes its
 * `…SignedBytes` function returns, with the key type the structure prescribes; a private key
 * of another type is BAD_KEY before any signing is attempted.
 */
import { EncodeError, I2cpError } from '../errors.js';
import type { Signature, SigningPrivateKey } from '../key-types.js';
import { sign, verify } from '../crypto/signing.js';
import { leaseSet2003SignedBytes, leaseSetSignedBytes } from './lease-set.js';
import { leaseSet2SignedBytes, leaseSet2SignerType } from './lease-set2.js';
import { routerInfo2003SignedBytes, routerInfoSignedBytes } from './router-info.js';
import { offlineSignatureFromOptions, verifyOfflineSignature } from './offline.js';
import { TRANSIENT_KEY_OPTION, sessionConfigSignedBytes, sessionConfigSignerType } from './session-config.js';
import type {
  Destination,
  Dialect,
  LeaseSet,
  LeaseSet2,
  LeaseSet2003,
  Mapping,
  RouterInfo,
  RouterInfo2003,
  SessionConfig,
} from './types.js';

function signAs(key: SigningPrivateKey, sigType: number, data: Uint8Array, what: string): Signature {
  if (key.sigType !== sigType) throw new I2cpError('BAD_KEY', `${what} must be signed with a type ${sigType} key, got type ${key.sigType}`);
  return sign(key, data);
}

export function signLeaseSet2003(unsigned: Omit<LeaseSet2003, 'signature'>, key: SigningPrivateKey): LeaseSet2003 {
  const sigType = unsigned.destination.signingPublicKey.sigType;
  return { ...unsigned, signature: signAs(key, sigType, leaseSet2003SignedBytes(unsigned), 'LeaseSet') };
}

export function verifyLeaseSet2003(ls: LeaseSet2003): boolean {
  return verify(ls.destination.signingPublicKey, leaseSet2003SignedBytes(ls), ls.signature);
}

export function signLeaseSet(unsigned: Omit<LeaseSet, 'signature'>, key: SigningPrivateKey): LeaseSet {
  const sigType = unsigned.destination.signingPublicKey.sigType;
  return { ...unsigned, signature: signAs(key, sigType, leaseSetSignedBytes(unsigned), 'LeaseSet') };
}

export function verifyLeaseSet(ls: LeaseSet): boolean {
  return verify(ls.destination.signingPublicKey, leaseSetSignedBytes(ls), ls.signature);
}

/** Signs with the Destination's key, or with the transient key when the lease set carries an offline signature. */
export function signLeaseSet2(unsigned: Omit<LeaseSet2, 'signature'>, key: SigningPrivateKey): LeaseSet2 {
  return { ...unsigned, signature: signAs(key, leaseSet2SignerType(unsigned), leaseSet2SignedBytes(unsigned), 'LeaseSet2') };
}

/** Checks the offline signature too when there is one; its expiry is the caller's business (it needs a clock). */
export function verifyLeaseSet2(ls: LeaseSet2): boolean {
  const o = ls.offlineSignature;
  if (o === undefined) return verify(ls.destination.signingPublicKey, leaseSet2SignedBytes(ls), ls.signature);
  return verifyOfflineSignature(ls.destination, o) && verify(o.transientKey, leaseSet2SignedBytes(ls), ls.signature);
}

export function signRouterInfo2003(unsigned: Omit<RouterInfo2003, 'signature'>, key: SigningPrivateKey): RouterInfo2003 {
  const sigType = unsigned.identity.signingPublicKey.sigType;
  return { ...unsigned, signature: signAs(key, sigType, routerInfo2003SignedBytes(unsigned), 'RouterInfo') };
}

export function verifyRouterInfo2003(ri: RouterInfo2003): boolean {
  return verify(ri.identity.signingPublicKey, routerInfo2003SignedBytes(ri), ri.signature);
}

export function signRouterInfo(unsigned: Omit<RouterInfo, 'signature'>, key: SigningPrivateKey): RouterInfo {
  const sigType = unsigned.identity.signingPublicKey.sigType;
  return { ...unsigned, signature: signAs(key, sigType, routerInfoSignedBytes(unsigned), 'RouterInfo') };
}

export function verifyRouterInfo(ri: RouterInfo): boolean {
  return verify(ri.identity.signingPublicKey, routerInfoSignedBytes(ri), ri.signature);
}

export interface UnsignedSessionConfig {
  readonly destination: Destination;
  readonly options: Mapping;
  /** Creation time in ms (current dialect only); default now. Use the router's clock (SetDate). */
  readonly date?: number;
}

export function signSessionConfig(cfg: UnsignedSessionConfig, key: SigningPrivateKey, dialect: Dialect): SessionConfig {
  if (dialect === '2003' && cfg.date !== undefined) throw new EncodeError('a 2003 SessionConfig has no date');
  const { destination, options } = cfg;
  const unsigned: Omit<SessionConfig, 'signature'> =
    dialect === 'current' ? { destination, options, date: cfg.date ?? Date.now() } : { destination, options };
  const signerType = sessionConfigSignerType(destination.signingPublicKey.sigType, options, dialect);
  if (signerType === undefined) throw new I2cpError('BAD_KEY', `unknown transient key type in ${TRANSIENT_KEY_OPTION}`);
  return { ...unsigned, signature: signAs(key, signerType, sessionConfigSignedBytes(unsigned, dialect), 'SessionConfig') };
}

/**
 * Verifies with the Destination's key, or, when the options carry offline keys (current
 * dialect), checks that the Destination authorised the transient key (not expired before the
 * config's date) and that the transient key signed. Malformed offline options verify false.
 */
export function verifySessionConfig(cfg: SessionConfig, dialect: Dialect): boolean {
  const signed = sessionConfigSignedBytes(cfg, dialect);
  const transient = dialect === 'current' ? cfg.options.get(TRANSIENT_KEY_OPTION) : undefined;
  if (transient === undefined) return verify(cfg.destination.signingPublicKey, signed, cfg.signature);
  const offline = offlineSignatureFromOptions(cfg.options, cfg.destination.signingPublicKey.sigType);
  if (offline === undefined || cfg.date === undefined || offline.expiresSeconds * 1000 < cfg.date) return false;
  return verifyOfflineSignature(cfg.destination, offline) && verify(offline.transientKey, signed, cfg.signature);
}
