import { readSessionConfig, writeSessionConfig } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';

export const reconfigureSession: MessageCodec<'ReconfigureSession'> = {
  name: 'ReconfigureSession',
  encode: (w, m, dialect) => {
    writeSessionId(w, m.sessionId);
    writeSessionConfig(w, m.config, dialect);
  },
  decode: (r, dialect) => ({ type: 'ReconfigureSession', sessionId: readSessionId(r), config: readSessionConfig(r, dialect) }),
};
