import { authOnly } from './auth-only.js';

/** 2003 admin: AuthenticationKey. */
export const getPeers = authOnly('GetPeers');
