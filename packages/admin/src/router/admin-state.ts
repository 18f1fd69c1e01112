import {
  decode,
  encode,
  fromHex,
  readRouterInfo2003,
  toHex,
  writeBandwidthLimits2003,
  writeRouterInfo2003,
  type BandwidthClass,
  type BandwidthLimits2003,
  type RouterInfo2003,
} from '@i2cp/data';
import type { PassphraseHash } from './passphrase-hash.js';

/** Everything an operator can set over the admin protocol; persisted as one JSON file. */
export interface AdminState {
  readonly bandwidthLimits: BandwidthLimits2003;
  /** SHA-256 hashes of RouterIdentities, exactly as set. */
  readonly trustedRouters: readonly Uint8Array[];
  readonly addressVisibility: boolean | null;
  /** Seconds, 0 = never. */
  readonly addressRotationPeriod: number;
  /** ms since the epoch, 0 = never rotated. */
  readonly lastAddressRotation: number;
  readonly peers: readonly RouterInfo2003[];
  readonly passphrase: StoredPassphrase | null;
}

/**
 * `current` is what requests must match. `configured` is the hash of the passphrase the operator
 * configured when `current` was seeded: while the configuration is unchanged, a SetPassword
 * survives restarts; once the operator configures a different passphrase, that one takes over.
 */
export interface StoredPassphrase {
  readonly current: PassphraseHash;
  readonly configured: PassphraseHash;
}

/** The default class: no routers, 0 = unlimited in every direction. */
export const DEFAULT_BANDWIDTH_LIMITS: BandwidthLimits2003 = {
  classes: [{ name: 'default', routers: [], averageDown: 0, averageUp: 0, peakDown: 0, peakUp: 0 }],
};

export const INITIAL_STATE: AdminState = {
  bandwidthLimits: DEFAULT_BANDWIDTH_LIMITS,
  trustedRouters: [],
  // The stub publishes no addresses anywhere, so "not visible" is the truthful default.
  addressVisibility: false,
  addressRotationPeriod: 0,
  lastAddressRotation: 0,
  peers: [],
  passphrase: null,
};

export const STATE_FORMAT = 'i2cp-admin-state';
export const STATE_VERSION = 1;

/** The JSON form: bytes as hex, RouterInfos as their 2003 encoding (which their signatures cover). */
export function stateToJson(state: AdminState): string {
  const json = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    bandwidthLimits: state.bandwidthLimits.classes.map((c) => ({ ...c, routers: c.routers.map(toHex) })),
    trustedRouters: state.trustedRouters.map(toHex),
    addressVisibility: state.addressVisibility,
    addressRotationPeriod: state.addressRotationPeriod,
    lastAddressRotation: state.lastAddressRotation,
    peers: state.peers.map((p) => toHex(encode(writeRouterInfo2003, p))),
    passphrase: state.passphrase,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Thrown by stateFromJson with the JSON path of the first problem. */
export class StateFormatError extends Error {
  override readonly name = 'StateFormatError';
}

/** Parses and fully validates the JSON form; any deviation throws StateFormatError (or a DecodeError from a RouterInfo). */
export function stateFromJson(text: string): AdminState {
  const root = object(JSON.parse(text) as unknown, '$');
  if (root['format'] !== STATE_FORMAT) fail('$.format', `is not "${STATE_FORMAT}"`);
  if (root['version'] !== STATE_VERSION) fail('$.version', `is not ${STATE_VERSION}`);
  const bandwidthLimits = { classes: array(root['bandwidthLimits'], '$.bandwidthLimits').map(bandwidthClass) };
  checkEncodes(() => encode(writeBandwidthLimits2003, bandwidthLimits), '$.bandwidthLimits');
  const visibility = root['addressVisibility'];
  if (visibility !== null && typeof visibility !== 'boolean') fail('$.addressVisibility', 'is not true, false or null');
  return {
    bandwidthLimits,
    trustedRouters: array(root['trustedRouters'], '$.trustedRouters').map((h, i) => hash(h, `$.trustedRouters[${i}]`)),
    addressVisibility: visibility,
    addressRotationPeriod: integer(root['addressRotationPeriod'], '$.addressRotationPeriod', 0xffff),
    lastAddressRotation: integer(root['lastAddressRotation'], '$.lastAddressRotation', Number.MAX_SAFE_INTEGER),
    peers: array(root['peers'], '$.peers').map((p, i) => decode(readRouterInfo2003, bytes(p, `$.peers[${i}]`))),
    passphrase: root['passphrase'] === null ? null : storedPassphrase(root['passphrase']),
  };
}

function bandwidthClass(value: unknown, index: number): BandwidthClass {
  const path = `$.bandwidthLimits[${index}]`;
  const c = object(value, path);
  if (typeof c['name'] !== 'string') fail(`${path}.name`, 'is not a string');
  const u32 = (key: string): number => integer(c[key], `${path}.${key}`, 0xffffffff);
  return {
    name: c['name'],
    routers: array(c['routers'], `${path}.routers`).map((h, i) => hash(h, `${path}.routers[${i}]`)),
    averageDown: u32('averageDown'),
    averageUp: u32('averageUp'),
    peakDown: u32('peakDown'),
    peakUp: u32('peakUp'),
  };
}

function storedPassphrase(value: unknown): StoredPassphrase {
  const p = object(value, '$.passphrase');
  return { current: passphraseHash(p['current'], '$.passphrase.current'), configured: passphraseHash(p['configured'], '$.passphrase.configured') };
}

function passphraseHash(value: unknown, path: string): PassphraseHash {
  const h = object(value, path);
  if (h['algorithm'] !== 'scrypt') fail(`${path}.algorithm`, 'is not "scrypt"');
  const N = integer(h['N'], `${path}.N`, 2 ** 20);
  if (N < 2 || (N & (N - 1)) !== 0) fail(`${path}.N`, 'is not a power of two');
  const salt = bytes(h['salt'], `${path}.salt`);
  const digest = bytes(h['hash'], `${path}.hash`);
  if (salt.length < 8) fail(`${path}.salt`, 'is shorter than 8 bytes');
  if (digest.length < 16) fail(`${path}.hash`, 'is shorter than 16 bytes');
  return {
    algorithm: 'scrypt',
    N,
    r: positive(integer(h['r'], `${path}.r`, 64), `${path}.r`),
    p: positive(integer(h['p'], `${path}.p`, 16), `${path}.p`),
    salt: toHex(salt),
    hash: toHex(digest),
  };
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'is not an object');
  return value as Record<string, unknown>;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'is not an array');
  return value;
}

function integer(value: unknown, path: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    fail(path, `is not an integer from 0 to ${max}`);
  }
  return value;
}

function positive(value: number, path: string): number {
  if (value === 0) fail(path, 'is 0');
  return value;
}

function bytes(value: unknown, path: string): Uint8Array {
  if (typeof value !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(value)) fail(path, 'is not lowercase hex');
  return fromHex(value);
}

function hash(value: unknown, path: string): Uint8Array {
  const h = bytes(value, path);
  if (h.length !== 32) fail(path, 'is not a 32-byte hash');
  return h;
}

function checkEncodes(run: () => unknown, path: string): void {
  try {
    run();
  } catch (error) {
    fail(path, `cannot be encoded: ${(error as Error).message}`);
  }
}

function fail(path: string, problem: string): never {
  throw new StateFormatError(`${path} ${problem}`);
}
