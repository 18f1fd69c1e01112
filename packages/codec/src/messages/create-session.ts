import { readSessionConfig, writeSessionConfig } from '@i2cp/data';
import type { MessageCodec } from './codec.js';

export const createSession: MessageCodec<'CreateSession'> = {
  name: 'CreateSession',
  encode: (w, m, dialect) => { writeSessionConfig(w, m.config, dialect); },
  decode: (r, dialect) => ({ type: 'CreateSession', config: readSessionConfig(r, dialect) }),
};
