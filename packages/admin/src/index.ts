// Public API of @i2cp/admin. Every export is named here; everything else is internal.

// --- client side
export { connectAdmin } from './admin-client.js';
export type { AdminClient, AdminConnectOptions, AdminRequestOptions, AdminSetOptions } from './admin-client.js';
export { getCurrentBandwidthLimits } from './current-bandwidth.js';
export type { CurrentBandwidthOptions } from './current-bandwidth.js';
export { authenticationKeyFor } from './auth-key.js';
export type { Transport } from './transport.js';

// --- router side (for createRouterStub({ admin }))
export { createRouterAdmin, AdminDisconnectReason } from './router/router-admin.js';
export type { RouterAdminOptions } from './router/router-admin.js';
export type { PassphraseSource } from './router/passphrase-source.js';
export type { AdminClock } from './router/clock.js';
export { STATE_FILE_NAME } from './router/state-file.js';
export type {
  AdminRequest,
  AdminContext,
  AdminOutcome,
  AdminLogger,
  TrafficLimits,
  RouterControl,
  RouterAdminHandler,
} from './router/hook-types.js';
