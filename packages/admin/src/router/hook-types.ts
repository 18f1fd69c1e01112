/**
 * The router stub's admin hook, restated structurally. @i2cp/router-stub defines the same names;
 * admin must not depend on it at runtime, and importing its types would make it a type dependency
 * of every consumer of this package's .d.ts. TypeScript compares these shapes structurally, so a
 * handler from here is accepted by `createRouterStub({ admin })`.
 */
import type { Dialect } from '@i2cp/data';
import type {
  ForceAddressRotationMessage,
  GetAddressRotationPeriodMessage,
  GetAddressVisibilityMessage,
  GetBandwidthLimitsMessage,
  GetPeersMessage,
  GetTrustedRoutersMessage,
  Message,
  SetAddressRotationPeriodMessage,
  SetAddressVisibilityMessage,
  SetBandwidthLimitsMessage,
  SetPasswordMessage,
  SetPeersMessage,
  SetTrustedRoutersMessage,
} from '@i2cp/codec';

/** 2003 admin requests (ids 8–19). */
export type AdminRequest =
  | GetBandwidthLimitsMessage
  | SetBandwidthLimitsMessage
  | GetTrustedRoutersMessage
  | SetTrustedRoutersMessage
  | GetAddressVisibilityMessage
  | SetAddressVisibilityMessage
  | GetAddressRotationPeriodMessage
  | SetAddressRotationPeriodMessage
  | ForceAddressRotationMessage
  | GetPeersMessage
  | SetPeersMessage
  | SetPasswordMessage;

export interface AdminContext {
  /** "127.0.0.1:54321" or "memory:7". */
  readonly remoteAddress: string;
  readonly dialect: Dialect;
  /** Aborts when the connection closes: a check not yet started for it is dropped. */
  readonly signal?: AbortSignal;
}

export type AdminOutcome =
  | { readonly kind: 'reply'; readonly message: Message }
  | { readonly kind: 'none' }
  | { readonly kind: 'disconnect'; readonly reason: string };

/** Bytes per second; 0 = unlimited. */
export interface TrafficLimits {
  readonly averageDownBps: number;
  readonly averageUpBps: number;
  readonly peakDownBps: number;
  readonly peakUpBps: number;
}

/** Only plain values, as the stub's logger takes; never key material. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** The part of the stub's logger the handler uses. */
export interface AdminLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface RouterControl {
  setTrafficLimits(limits: TrafficLimits | undefined): void;
  readonly log: AdminLogger;
}

export interface RouterAdminHandler {
  attach(control: RouterControl): void | Promise<void>;
  handle(request: AdminRequest, context: AdminContext): Promise<AdminOutcome>;
  close(): Promise<void>;
}
