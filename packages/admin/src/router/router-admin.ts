import {
  decode,
  encode,
  I2cpError,
  isI2cpError,
  readRouterInfo2003,
  verifyRouterInfo2003,
  writeBandwidthLimits2003,
  writeRouterInfo2003,
  type BandwidthLimits2003,
  type RouterInfo2003,
} from '@i2cp/data';
import type { Message } from '@i2cp/codec';
import { authenticationKeyFor } from '../auth-key.js';
import { INITIAL_STATE, type AdminState } from './admin-state.js';
import { sleep, systemClock, type AdminClock } from './clock.js';
import { FailureDelay } from './failure-delay.js';
import type { AdminContext, AdminLogger, AdminOutcome, AdminRequest, RouterAdminHandler, RouterControl, TrafficLimits } from './hook-types.js';
import { KeyCheck } from './key-check.js';
import { hashAuthenticationKey, matchesAuthenticationKey, type PassphraseHash } from './passphrase-hash.js';
import { checkPassphraseSource, readConfiguredPassphrase, type PassphraseSource } from './passphrase-source.js';
import { loadState, saveState } from './state-file.js';

/** Disconnect reasons, fixed so clients and operators can rely on them. */
export const AdminDisconnectReason = {
  AuthenticationFailed: 'authentication failed',
  Disabled: 'admin is disabled: no passphrase configured',
  ShuttingDown: 'admin is shutting down',
  StateUnavailable: 'admin state unavailable',
  SaveFailed: 'internal error: cannot save the admin state',
} as const;

export interface RouterAdminOptions extends PassphraseSource {
  /** Directory of the admin state file (admin-state.json); created if missing. */
  readonly dataDir: string;
  readonly clock?: AdminClock;
}

/**
 * The router side of the 2003 admin protocol, for `createRouterStub({ admin })`. Options are
 * checked at once (BAD_ARGUMENT); the state file and passphrase are read by `attach`, which
 * rejects with STATE_CORRUPT, IO or BAD_CONFIG so the router does not start on bad state.
 */
export function createRouterAdmin(options: RouterAdminOptions): RouterAdminHandler {
  if (typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
    throw new I2cpError('BAD_ARGUMENT', '`dataDir` is required');
  }
  checkPassphraseSource(options);
  return new RouterAdmin(options);
}

const ignore = (): void => undefined;
const silentLog: AdminLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
const noControl: RouterControl = { setTrafficLimits: ignore, log: silentLog };

class RouterAdmin implements RouterAdminHandler {
  private readonly clock: AdminClock;
  private readonly failures = new FailureDelay();
  private readonly keys = new KeyCheck();
  private control: RouterControl = noControl;
  private state: AdminState = INITIAL_STATE;
  /** False when no passphrase is configured: every request is refused. */
  private enabled = false;
  private loading: Promise<void> | undefined;
  /** Serialises state changes across connections; authentication runs outside it (KeyCheck). */
  private queue: Promise<unknown> = Promise.resolve();
  private cancelRotation: (() => void) | undefined;
  private isClosed = false;

  private readonly options: RouterAdminOptions;

  constructor(options: RouterAdminOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
  }

  async attach(control: RouterControl): Promise<void> {
    this.control = control;
    await this.ready();
    this.applyTrafficLimits();
    const { lastAddressRotation } = this.state;
    this.scheduleRotation(lastAddressRotation === 0 ? this.clock.now() : lastAddressRotation);
  }

  async handle(request: AdminRequest, context: AdminContext): Promise<AdminOutcome> {
    try {
      await this.ready();
    } catch {
      return disconnect(AdminDisconnectReason.StateUnavailable);
    }
    if (this.isClosed) return disconnect(AdminDisconnectReason.ShuttingDown);
    if (!this.enabled) return disconnect(AdminDisconnectReason.Disabled);
    const outcome = await this.attempt(request, context).catch((error: unknown) => {
      // The stub expects an outcome, never a rejection: an internal failure ends only this connection.
      const message = error instanceof Error ? error.message : String(error);
      this.control.log.error('admin: request failed', { request: request.type, error: message });
      const saving = isI2cpError(error) && error.code === 'IO';
      return disconnect(saving ? AdminDisconnectReason.SaveFailed : `internal error: ${request.type} failed`);
    });
    // The client left before its key was checked: nobody is left to answer or to slow down.
    if (outcome === 'aborted') return disconnect(AdminDisconnectReason.AuthenticationFailed);
    if (outcome !== undefined) return outcome;
    // The delay is served outside the queue, so a guessing client slows itself and nobody else.
    const delayMs = this.failures.recordFailure(context.remoteAddress, this.clock.now());
    this.control.log.warn('admin: authentication failed', { remoteAddress: context.remoteAddress, request: request.type, delayMs });
    await sleep(this.clock, delayMs, context.signal);
    return disconnect(AdminDisconnectReason.AuthenticationFailed);
  }

  /**
   * The request's outcome; undefined if its key is wrong, 'aborted' if its client left before the
   * key was checked. Keys are checked outside the queue, so authentication and state changes never
   * wait for each other.
   */
  private async attempt(request: AdminRequest, context: AdminContext): Promise<AdminOutcome | 'aborted' | undefined> {
    const key = request.authenticationKey;
    const verdict = await this.keys.verify(key, context.signal);
    if (verdict !== 'valid') return verdict === 'aborted' ? verdict : undefined;
    return this.exclusive(async () => {
      if (this.isClosed) return disconnect(AdminDisconnectReason.ShuttingDown);
      // SetPassword may have run while this request waited for its turn: then the old key is refused.
      if (!this.keys.isKnown(key)) return undefined;
      this.failures.recordSuccess(context.remoteAddress);
      return this.apply(request, context);
    });
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.cancelRotation?.();
    this.cancelRotation = undefined;
    await this.queue;
  }

  private ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const configured = await readConfiguredPassphrase(this.options);
    let state = await loadState(this.options.dataDir);
    let key: Uint8Array | undefined;
    if (configured !== undefined) {
      key = authenticationKeyFor(configured);
      const stored = state.passphrase;
      if (stored === null || !(await matchesAuthenticationKey(key, stored.configured))) {
        const hash = await hashAuthenticationKey(key);
        state = { ...state, passphrase: { current: hash, configured: hash } };
        await saveState(this.options.dataDir, state);
      }
    }
    this.state = state;
    this.enabled = configured !== undefined;
    // The configured key is known to be the current one unless SetPassword changed it since.
    const passphrase = state.passphrase;
    const unchanged = passphrase !== null && samePassphraseHash(passphrase.current, passphrase.configured);
    this.keys.use(passphrase?.current, unchanged ? key : undefined);
  }

  private async apply(request: AdminRequest, context: AdminContext): Promise<AdminOutcome> {
    const { state } = this;
    switch (request.type) {
      case 'GetBandwidthLimits':
        return reply({ type: 'BandwidthLimits', dialect: '2003', limits: state.bandwidthLimits });
      case 'SetBandwidthLimits': {
        const limits = copyBandwidthLimits(request.limits);
        await this.commit({ bandwidthLimits: limits });
        this.applyTrafficLimits();
        this.control.log.info('admin: bandwidth limits set', { classes: limits.classes.length, ...trafficLimitsOf(limits) });
        return none;
      }
      case 'GetTrustedRouters':
        return reply({ type: 'TrustedRouters', routers: state.trustedRouters });
      case 'SetTrustedRouters':
        await this.commit({ trustedRouters: request.routers.map((h) => h.slice()) });
        this.control.log.info('admin: trusted routers set', { count: request.routers.length });
        return none;
      case 'GetAddressVisibility':
        return reply({ type: 'AddressVisibility', visible: state.addressVisibility });
      case 'SetAddressVisibility':
        await this.commit({ addressVisibility: request.visible });
        this.control.log.info('admin: address visibility set', { visible: String(request.visible) });
        return none;
      case 'GetAddressRotationPeriod':
        return reply({ type: 'AddressRotationPeriod', seconds: state.addressRotationPeriod });
      case 'SetAddressRotationPeriod':
        await this.commit({ addressRotationPeriod: request.seconds });
        this.scheduleRotation(this.clock.now());
        this.control.log.info('admin: address rotation period set', { seconds: request.seconds });
        return none;
      case 'ForceAddressRotation':
        await this.rotate();
        return reply({ type: 'LastAddressRotation', date: this.state.lastAddressRotation });
      case 'GetPeers':
        return reply({ type: 'Peers', peers: state.peers });
      case 'SetPeers': {
        const problem = invalidPeer(request.peers);
        if (problem !== undefined) {
          this.control.log.warn('admin: SetPeers refused', { remoteAddress: context.remoteAddress, problem });
          return disconnect(`SetPeers refused: ${problem}`);
        }
        await this.commit({ peers: request.peers.map(copyRouterInfo) });
        this.control.log.info('admin: peers set', { count: request.peers.length });
        return none;
      }
      case 'SetPassword': {
        if (request.newAuthenticationKey.length !== 32) return disconnect('SetPassword refused: the new key is not 32 bytes');
        const current = await hashAuthenticationKey(request.newAuthenticationKey);
        await this.commit({ passphrase: { current, configured: state.passphrase!.configured } });
        // From here on only the new key is accepted, also by requests already waiting for their turn.
        this.keys.use(current, request.newAuthenticationKey);
        this.control.log.info('admin: passphrase changed', { remoteAddress: context.remoteAddress });
        return none;
      }
    }
  }

  /** Saves first and switches in memory only after the file is written, so memory never runs ahead of disk. */
  private async commit(change: Partial<AdminState>): Promise<void> {
    const next = { ...this.state, ...change };
    await saveState(this.options.dataDir, next);
    this.state = next;
  }

  private async rotate(): Promise<void> {
    const now = this.clock.now();
    await this.commit({ lastAddressRotation: now });
    this.control.log.info('admin: addresses rotated', { at: new Date(now).toISOString() });
    this.scheduleRotation(now);
  }

  /** Next rotation one period after `from`; none when the period is 0 or the handler is closed. */
  private scheduleRotation(from: number): void {
    this.cancelRotation?.();
    this.cancelRotation = undefined;
    const seconds = this.state.addressRotationPeriod;
    if (seconds === 0 || this.isClosed) return;
    const delayMs = Math.max(0, from + seconds * 1000 - this.clock.now());
    this.cancelRotation = this.clock.schedule(delayMs, () => {
      this.exclusive(() => (this.isClosed ? Promise.resolve() : this.rotate())).catch((error: unknown) => {
        this.control.log.error('admin: scheduled address rotation failed', { error: String(error) });
      });
    });
  }

  private applyTrafficLimits(): void {
    const limits = trafficLimitsOf(this.state.bandwidthLimits);
    this.control.setTrafficLimits(isUnlimited(limits) ? undefined : limits);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const none: AdminOutcome = { kind: 'none' };

function samePassphraseHash(a: PassphraseHash, b: PassphraseHash): boolean {
  return a === b || (a.salt === b.salt && a.hash === b.hash && a.N === b.N && a.r === b.r && a.p === b.p);
}

function reply(message: Message): AdminOutcome {
  return { kind: 'reply', message };
}

function disconnect(reason: string): AdminOutcome {
  return { kind: 'disconnect', reason };
}

/** The stub's sessions are all local, so the default class (the one naming no routers) governs them. */
function trafficLimitsOf(limits: BandwidthLimits2003): TrafficLimits {
  const base = limits.classes.find((c) => c.routers.length === 0);
  return {
    averageDownBps: base?.averageDown ?? 0,
    averageUpBps: base?.averageUp ?? 0,
    peakDownBps: base?.peakDown ?? 0,
    peakUpBps: base?.peakUp ?? 0,
  };
}

function isUnlimited(limits: TrafficLimits): boolean {
  return limits.averageDownBps === 0 && limits.averageUpBps === 0 && limits.peakDownBps === 0 && limits.peakUpBps === 0;
}

/** Why a peer cannot be stored, or undefined if every RouterInfo is signed by its own identity. */
function invalidPeer(peers: readonly RouterInfo2003[]): string | undefined {
  for (const [i, peer] of peers.entries()) {
    try {
      if (!verifyRouterInfo2003(peer)) return `RouterInfo ${i}: the signature does not verify`;
    } catch (error) {
      return `RouterInfo ${i}: ${isI2cpError(error) ? error.message : 'cannot be verified'}`;
    }
  }
  return undefined;
}

/** Decoded messages hold views into their frame; stored state gets its own bytes. */
function copyRouterInfo(peer: RouterInfo2003): RouterInfo2003 {
  return decode(readRouterInfo2003, encode(writeRouterInfo2003, peer));
}

function copyBandwidthLimits(limits: BandwidthLimits2003): BandwidthLimits2003 {
  encode(writeBandwidthLimits2003, limits);
  return { classes: limits.classes.map((c) => ({ ...c, routers: c.routers.map((h) => h.slice()) })) };
}
