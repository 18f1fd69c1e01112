/**
 * RouterAddress and RouterInfo in their 2003 form (transport first; version and sightings)
 * and their current form. A RouterInfo is signed over all preceding bytes by its identity's
 * signing key. Only the 2003 admin messages (SetPeers, Peers) carry them over I2CP.
 */
import { EncodeError } from '../errors.js';
import { Writer } from '../bytes.js';
import type { Reader } from '../bytes.js';
import { SigType } from '../key-types.js';
import { readDestination, writeDestination } from './destination.js';
import { readSignature, writeSignatureOfType } from './key-fields.js';
import { readMapping, writeMapping } from './mapping.js';
import { readDate, readHash, readString, writeDate, writeHash, writeString } from './primitives.js';
import type { RouterAddress, RouterAddress2003, RouterInfo, RouterInfo2003, RouterSighting2003 } from './types.js';

export function readRouterAddress2003(r: Reader): RouterAddress2003 {
  return { transport: readString(r), cost: r.u8('cost'), expiration: readDate(r), options: readMapping(r) };
}

export function writeRouterAddress2003(w: Writer, a: RouterAddress2003): void {
  writeString(w, a.transport);
  w.u8(a.cost, 'cost');
  writeDate(w, a.expiration);
  writeMapping(w, a.options);
}

export function readRouterAddress(r: Reader): RouterAddress {
  return { cost: r.u8('cost'), expiration: readDate(r), transport: readString(r), options: readMapping(r) };
}

export function writeRouterAddress(w: Writer, a: RouterAddress): void {
  w.u8(a.cost, 'cost');
  writeDate(w, a.expiration);
  writeString(w, a.transport);
  writeMapping(w, a.options);
}

/** A 2003 sighting is signed by the sighted router, which in 2003 always had a DSA key. */
export function readRouterSighting2003(r: Reader): RouterSighting2003 {
  return { routerHash: readHash(r), date: readDate(r), expiration: readDate(r), signature: readSignature(r, SigType.DSA_SHA1) };
}

export function writeRouterSighting2003(w: Writer, s: RouterSighting2003): void {
  writeHash(w, s.routerHash);
  writeDate(w, s.date);
  writeDate(w, s.expiration);
  writeSignatureOfType(w, s.signature, SigType.DSA_SHA1, 'RouterSighting');
}

function readList<T>(r: Reader, what: string, read: (r: Reader) => T): T[] {
  const n = r.u8(`${what} count`);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read(r));
  return out;
}

function writeList<T>(w: Writer, what: string, items: readonly T[], write: (w: Writer, v: T) => void): void {
  if (items.length > 255) throw new EncodeError(`too many ${what}: ${items.length} (at most 255)`);
  w.u8(items.length);
  for (const v of items) write(w, v);
}

export function readRouterInfo2003(r: Reader): RouterInfo2003 {
  const identity = readDestination(r);
  const version = r.u32('RouterInfo version');
  const addresses = readList(r, 'RouterAddress', readRouterAddress2003);
  const sightings = readList(r, 'RouterSighting', readRouterSighting2003);
  const options = readMapping(r);
  return { identity, version, addresses, sightings, options, signature: readSignature(r, identity.signingPublicKey.sigType) };
}

function writeRouterInfo2003Body(w: Writer, ri: Omit<RouterInfo2003, 'signature'>): void {
  writeDestination(w, ri.identity);
  w.u32(ri.version, 'RouterInfo version');
  writeList(w, 'RouterAddresses', ri.addresses, writeRouterAddress2003);
  writeList(w, 'RouterSightings', ri.sightings, writeRouterSighting2003);
  writeMapping(w, ri.options);
}

export function writeRouterInfo2003(w: Writer, ri: RouterInfo2003): void {
  writeRouterInfo2003Body(w, ri);
  writeSignatureOfType(w, ri.signature, ri.identity.signingPublicKey.sigType, 'RouterInfo');
}

/** The bytes a 2003 RouterInfo signature covers. */
export function routerInfo2003SignedBytes(ri: Omit<RouterInfo2003, 'signature'>): Uint8Array {
  const w = new Writer(1024);
  writeRouterInfo2003Body(w, ri);
  return w.finish();
}

export function readRouterInfo(r: Reader): RouterInfo {
  const identity = readDestination(r);
  const published = readDate(r);
  const addresses = readList(r, 'RouterAddress', readRouterAddress);
  const peers = readList(r, 'peer', readHash);
  const options = readMapping(r);
  return { identity, published, addresses, peers, options, signature: readSignature(r, identity.signingPublicKey.sigType) };
}

function writeRouterInfoBody(w: Writer, ri: Omit<RouterInfo, 'signature'>): void {
  writeDestination(w, ri.identity);
  writeDate(w, ri.published);
  writeList(w, 'RouterAddresses', ri.addresses, writeRouterAddress);
  writeList(w, 'peers', ri.peers, writeHash);
  writeMapping(w, ri.options);
}

export function writeRouterInfo(w: Writer, ri: RouterInfo): void {
  writeRouterInfoBody(w, ri);
  writeSignatureOfType(w, ri.signature, ri.identity.signingPublicKey.sigType, 'RouterInfo');
}

/** The bytes a RouterInfo signature covers. */
export function routerInfoSignedBytes(ri: Omit<RouterInfo, 'signature'>): Uint8Array {
  const w = new Writer(1024);
  writeRouterInfoBody(w, ri);
  return w.finish();
}
