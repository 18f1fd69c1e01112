import { describe, expect, test } from 'vitest';
import { isFinalStatus, isSuccessStatus, messageStatusName, sessionStatusName } from './status.js';

describe('status names', () => {
  test('name the codes of the tables, and unknown codes by number', () => {
    expect(messageStatusName(21)).toBe('NoLeaseSet');
    expect(messageStatusName(4)).toBe('GuaranteedSuccess');
    expect(messageStatusName(99)).toBe('Status99');
    expect(sessionStatusName(4)).toBe('Refused');
  });

  test('success and finality as Java counts them', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 21].filter(isSuccessStatus)).toEqual([1, 2, 4, 6]);
    expect(isFinalStatus(1)).toBe(false);
    expect(isFinalStatus(0)).toBe(false);
    expect(isFinalStatus(4)).toBe(true);
  });
});
