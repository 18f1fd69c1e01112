import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import type { LogRecord } from './logger.js';

describe('createLogger', () => {
  it('passes records at or above the level to the sink, with fields', () => {
    const records: LogRecord[] = [];
    const log = createLogger({ level: 'warn', sink: (r) => records.push(r) });
    log.debug('d');
    log.info('i');
    log.warn('w', { session: 3 });
    log.error('e');
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
    expect(records[0]!.fields).toEqual({ session: 3 });
  });

  it('survives a throwing sink and drops everything when silent', () => {
    const throwing = createLogger({ sink: () => {
      throw new Error('disk full');
    } });
    expect(() => throwing.error('x')).not.toThrow();
    const records: LogRecord[] = [];
    createLogger({ level: 'silent', sink: (r) => records.push(r) }).error('x');
    expect(records).toEqual([]);
  });
});
