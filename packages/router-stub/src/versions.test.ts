import { describe, expect, it } from 'vitest';
import { compareVersions } from './versions.js';

describe('compareVersions', () => {
  it('compares part by part as numbers', () => {
    expect(compareVersions('2.7.0', '0.9.7')).toBe(1);
    expect(compareVersions('0.9.10', '0.9.7')).toBe(1);
    expect(compareVersions('0.9.6', '0.9.7')).toBe(-1);
    expect(compareVersions('0.9.7', '0.9.7.0')).toBe(0);
  });

  it('reads malformed parts as 0 instead of throwing', () => {
    expect(compareVersions('x.y', '0.0')).toBe(0);
    expect(compareVersions('0.9.7-rc1', '0.9.7')).toBe(0);
    expect(compareVersions('', '0.0.1')).toBe(-1);
  });
});
