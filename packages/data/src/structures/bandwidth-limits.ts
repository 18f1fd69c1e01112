/**
 * BandwidthLimits: the 2003 form is a list of classes, exactly one of which has no routers
 * (the default class); the current form (message 23) is sixteen 4-byte integers.
 */
import { DecodeError, EncodeError } from '../errors.js';
import type { Reader, Writer } from '../bytes.js';
import { readHash, readString, writeHash, writeString } from './primitives.js';
import type { BandwidthClass, BandwidthLimits, BandwidthLimits2003 } from './types.js';

export const BANDWIDTH_LIMITS_COUNT = 16;

export function readBandwidthLimits2003(r: Reader): BandwidthLimits2003 {
  const at = r.position;
  const n = r.u8('class count');
  const classes: BandwidthClass[] = [];
  for (let i = 0; i < n; i++) classes.push(readBandwidthClass(r));
  const defaults = countDefaultClasses(classes);
  if (defaults !== 1) throw new DecodeError('DECODE_INVALID', `BandwidthLimits needs exactly one class without routers, has ${defaults}`, at);
  return { classes };
}

function readBandwidthClass(r: Reader): BandwidthClass {
  const name = readString(r);
  const n = r.u8('router count');
  const routers: Uint8Array[] = [];
  for (let i = 0; i < n; i++) routers.push(readHash(r));
  return {
    name,
    routers,
    averageDown: r.u32('average down'),
    averageUp: r.u32('average up'),
    peakDown: r.u32('peak down'),
    peakUp: r.u32('peak up'),
  };
}

function countDefaultClasses(classes: readonly BandwidthClass[]): number {
  return classes.filter((c) => c.routers.length === 0).length;
}

export function writeBandwidthLimits2003(w: Writer, b: BandwidthLimits2003): void {
  const defaults = countDefaultClasses(b.classes);
  if (defaults !== 1) throw new EncodeError(`BandwidthLimits needs exactly one class without routers, has ${defaults}`);
  w.u8(b.classes.length, 'class count');
  for (const c of b.classes) {
    writeString(w, c.name);
    w.u8(c.routers.length, 'router count');
    for (const h of c.routers) writeHash(w, h);
    w.u32(c.averageDown, 'average down').u32(c.averageUp, 'average up').u32(c.peakDown, 'peak down').u32(c.peakUp, 'peak up');
  }
}

export function readBandwidthLimits(r: Reader): BandwidthLimits {
  const limits: number[] = [];
  for (let i = 0; i < BANDWIDTH_LIMITS_COUNT; i++) limits.push(r.u32('bandwidth limit'));
  return limits;
}

export function writeBandwidthLimits(w: Writer, b: BandwidthLimits): void {
  if (b.length !== BANDWIDTH_LIMITS_COUNT) throw new EncodeError(`BandwidthLimits must have 16 values, has ${b.length}`);
  for (const v of b) w.u32(v, 'bandwidth limit');
}
