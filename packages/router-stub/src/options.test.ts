import { describe, expect, it } from 'vitest';
import { defaultLimits, resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('fills the documented defaults', () => {
    const o = resolveOptions({});
    expect(o).toMatchObject({ host: '127.0.0.1', port: 7654, dialect: 'auto', sessionTimeoutMs: 300_000, apiVersion: '0.9.67' });
    expect(o.limits).toEqual(defaultLimits);
    expect(o.limits.maxFrameBytes).toBe(65_536);
  });

  it('merges partial limits and rejects bad values with BAD_ARGUMENT', () => {
    expect(resolveOptions({ limits: { maxSessions: 10 } }).limits).toEqual({ ...defaultLimits, maxSessions: 10 });
    for (const bad of [
      { port: 70_000 },
      { dialect: 'modern' as never },
      { limits: { maxFrameBytes: 0 } },
      { limits: { maxSessions: 65_535 } },
      { sessionTimeoutMs: -1 },
      { simulation: { latencyMs: -5 } },
    ]) {
      expect(() => resolveOptions(bad)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    }
  });
});
