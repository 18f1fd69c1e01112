import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDestination,
  generateEncryptionKeys,
  generateSigningKeys,
  mappingFrom,
  signRouterInfo2003,
  SigType,
  EncType,
  type RouterInfo2003,
} from '@i2cp/data';
import type { AdminClock } from '../../src/router/clock.js';
import type { LogFields, RouterControl, TrafficLimits } from '../../src/router/hook-types.js';

/** A signed 2003 RouterInfo; DSA_SHA1 + ElGamal is what a 2003 router had, Ed25519 keeps tests fast. */
export function makeRouterInfo(options: { sigType?: number; version?: number } = {}): RouterInfo2003 {
  const signing = generateSigningKeys(options.sigType ?? SigType.EdDSA_SHA512_Ed25519);
  const encryption = generateEncryptionKeys(EncType.ElGamal);
  const identity = createDestination({ publicKey: encryption.publicKey, signingPublicKey: signing.publicKey });
  return signRouterInfo2003(
    {
      identity,
      version: options.version ?? 1,
      addresses: [{ transport: 'TCP', cost: 10, expiration: 0, options: mappingFrom({ host: '127.0.0.1', port: '7654' }) }],
      sightings: [],
      options: mappingFrom({ 'stat.uptime': '90m' }),
    },
    signing.privateKey,
  );
}

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'i2cp-admin-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface ManualClock extends AdminClock {
  /** Delays of the timers scheduled and still waiting, soonest first. */
  readonly waiting: () => number[];
  advance(ms: number): void;
}

/** A clock that only moves when told; timers fire in due order during advance(). */
export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let timers: { at: number; delay: number; callback: () => void }[] = [];
  return {
    now: () => now,
    schedule(delayMs, callback) {
      const timer = { at: now + delayMs, delay: delayMs, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    waiting: () => [...timers].sort((a, b) => a.at - b.at).map((t) => t.delay),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...timers].sort((a, b) => a.at - b.at)[0];
        if (next === undefined || next.at > until) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.callback();
      }
      now = until;
    },
  };
}

export interface RecordingControl extends RouterControl {
  readonly limits: (TrafficLimits | undefined)[];
  readonly logs: { level: string; message: string; fields: LogFields | undefined }[];
}

export function recordingControl(): RecordingControl {
  const limits: (TrafficLimits | undefined)[] = [];
  const logs: { level: string; message: string; fields: LogFields | undefined }[] = [];
  const at = (level: string) => (message: string, fields?: LogFields) => {
    logs.push({ level, message, fields });
  };
  return {
    limits,
    logs,
    setTrafficLimits: (l) => {
      limits.push(l);
    },
    log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
}
