/**
 * The hook through which the 2003 administrative messages reach an implementation (@i2cp/admin).
 * The router stub only routes: it never interprets authentication keys itself.
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
import type { Logger } from './logger.js';

/** 2003 admin requests (ids 8–19). GetBandwidthLimits here always has its authenticationKey. */
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
  /** "127.0.0.1:54321" or "memory:7": the key for slowing repeated failures. */
  readonly remoteAddress: string;
  readonly dialect: Dialect;
  /** Aborts when the connection closes, so the handler can drop work nobody will receive. */
  readonly signal: AbortSignal;
}

export type AdminOutcome =
  | { readonly kind: 'reply'; readonly message: Message }
  | { readonly kind: 'none' }
  | { readonly kind: 'disconnect'; readonly reason: string };

export interface TrafficLimits {
  /** Bytes per second; 0 = unlimited. Applied to the payload bytes of the stub's local sessions. */
  readonly averageDownBps: number;
  readonly averageUpBps: number;
  readonly peakDownBps: number;
  readonly peakUpBps: number;
}

export interface RouterControl {
  /** Enforce these limits on local sessions' traffic (undefined = unlimited). */
  setTrafficLimits(limits: TrafficLimits | undefined): void;
  readonly log: Logger;
}

export interface RouterAdminHandler {
  /** Called once by createRouterStub before serving. */
  attach(control: RouterControl): void | Promise<void>;
  /** May be slow (e.g. a deliberate delay after failed authentication); the stub keeps serving other connections. */
  handle(request: AdminRequest, context: AdminContext): Promise<AdminOutcome>;
  close(): Promise<void>;
}

export const NO_ADMIN_HANDLER_REASON = 'admin messages are not enabled on this router (no admin handler configured)';

const adminTypes = new Set<string>([
  'GetBandwidthLimits',
  'SetBandwidthLimits',
  'GetTrustedRouters',
  'SetTrustedRouters',
  'GetAddressVisibility',
  'SetAddressVisibility',
  'GetAddressRotationPeriod',
  'SetAddressRotationPeriod',
  'ForceAddressRotation',
  'GetPeers',
  'SetPeers',
  'SetPassword',
]);

export function isAdminRequest(message: Message): message is AdminRequest {
  return adminTypes.has(message.type);
}
