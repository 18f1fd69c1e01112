import { authOnly } from './auth-only.js';

/** 2003 admin: AuthenticationKey. */
export const getTrustedRouters = authOnly('GetTrustedRouters');
