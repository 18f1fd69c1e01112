import { describe, expect, it } from 'vitest';
import { MessageType } from './messages/types.js';
import { messageCatalogue, messageInfo } from './catalogue.js';

const ids = (dialect: '2003' | 'current'): number[] =>
  messageCatalogue.filter((m) => m.dialects.includes(dialect)).map((m) => m.id);

describe('messageCatalogue', () => {
  it('has one entry per MessageType, with matching ids', () => {
    expect(messageCatalogue.map((m) => [m.name, m.id])).toEqual(Object.entries(MessageType));
  });

  it('2003 defines ids 1–31 (the draft), current 1–8, 20–23, 29–39, 41, 42 (I2CP-wire §4)', () => {
    const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(ids('2003')).toEqual(range(1, 31));
    expect(ids('current')).toEqual([...range(1, 8), ...range(20, 23), ...range(29, 39), 41, 42]);
  });

  it('marks the 2003 administrative messages, and drops the flag for ids 8 and 23 in the current dialect', () => {
    expect(messageCatalogue.filter((m) => m.admin).map((m) => m.id)).toEqual([8, ...Array.from({ length: 11 }, (_, i) => 9 + i), 23, 24, 25, 26, 27, 28]);
    expect(messageInfo(8, '2003')?.admin).toBe(true);
    expect(messageInfo(8, 'current')?.admin).toBe(false);
    expect(messageInfo(23, 'current')?.admin).toBe(false);
  });

  it('marks what the current specification deprecates', () => {
    expect(messageCatalogue.filter((m) => m.deprecated).map((m) => m.name)).toEqual([
      'CreateLeaseSet',
      'ReceiveMessageBegin',
      'ReceiveMessageEnd',
      'RequestLeaseSet',
      'ReportAbuse',
    ]);
  });

  it('gives directions', () => {
    expect(messageInfo(1, 'current')?.direction).toBe('client-to-router');
    expect(messageInfo(31, '2003')?.direction).toBe('router-to-client');
    expect(messageInfo(30, 'current')?.direction).toBe('both');
  });

  it('returns undefined for ids a dialect does not define', () => {
    expect(messageInfo(32, '2003')).toBeUndefined();
    expect(messageInfo(9, 'current')).toBeUndefined();
    expect(messageInfo(40, 'current')).toBeUndefined();
    expect(messageInfo(0, '2003')).toBeUndefined();
  });
});
