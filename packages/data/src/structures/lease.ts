/** The three Lease forms: 2003 (full gateway identity, start and end), LS1 (44 B), Lease2 (40 B). */
import type { Reader, Writer } from '../bytes.js';
import { readDestination, writeDestination } from './destination.js';
import { readDate, readHash, readTunnelId, writeDate, writeHash, writeTunnelId } from './primitives.js';
import type { Lease, Lease2, Lease2003 } from './types.js';

export function readLease2003(r: Reader): Lease2003 {
  return { gateway: readDestination(r), tunnelId: readTunnelId(r), startDate: readDate(r), endDate: readDate(r) };
}

export function writeLease2003(w: Writer, l: Lease2003): void {
  writeDestination(w, l.gateway);
  writeTunnelId(w, l.tunnelId);
  writeDate(w, l.startDate);
  writeDate(w, l.endDate);
}

export function readLease(r: Reader): Lease {
  return { gateway: readHash(r), tunnelId: readTunnelId(r), endDate: readDate(r) };
}

export function writeLease(w: Writer, l: Lease): void {
  writeHash(w, l.gateway);
  writeTunnelId(w, l.tunnelId);
  writeDate(w, l.endDate);
}

export function readLease2(r: Reader): Lease2 {
  return { gateway: readHash(r), tunnelId: readTunnelId(r), endSeconds: r.u32('Lease2 end') };
}

export function writeLease2(w: Writer, l: Lease2): void {
  writeHash(w, l.gateway);
  writeTunnelId(w, l.tunnelId);
  w.u32(l.endSeconds, 'Lease2 end');
}
