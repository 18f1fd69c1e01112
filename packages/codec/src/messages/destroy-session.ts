import { readSessionConfig, writeSessionConfig } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { forbidden, readSessionId, required, writeSessionId } from './fields.js';

/** 2003: SessionId and the session's SessionConfig; current: SessionId only. */
export const destroySession: MessageCodec<'DestroySession'> = {
  name: 'DestroySession',
  encode: (w, m, dialect) => {
    writeSessionId(w, m.sessionId);
    if (dialect === '2003') writeSessionConfig(w, required(m.config, 'a config', 'DestroySession', dialect), dialect);
    else forbidden(m.config, 'config', 'DestroySession', dialect);
  },
  decode: (r, dialect) => {
    const sessionId = readSessionId(r);
    if (dialect === 'current') return { type: 'DestroySession', sessionId };
    return { type: 'DestroySession', sessionId, config: readSessionConfig(r, dialect) };
  },
};
