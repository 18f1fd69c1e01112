// Public API of @i2cp/router-stub. Every export is named here; everything else is internal.
export { createRouterStub } from './router-stub.js';
export type { RouterStub } from './router-stub.js';
export type { RouterStubOptions, RouterStubLimits, SimulationOptions, DialectOption } from './options.js';
export { defaultLimits } from './options.js';
export type { RouterStats } from './router.js';
export type { Transport } from './memory-transport.js';
export { createLogger } from './logger.js';
export type { Logger, LoggerOptions, LogLevel, LogFields, LogRecord } from './logger.js';
export { NO_ADMIN_HANDLER_REASON } from './admin-hook.js';
export type {
  AdminRequest,
  AdminContext,
  AdminOutcome,
  TrafficLimits,
  RouterControl,
  RouterAdminHandler,
} from './admin-hook.js';
export { compareVersions } from './versions.js';
export { parseHostsFile } from './names.js';
