import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, stateFromJson, stateToJson, StateFormatError, type AdminState } from './admin-state.js';

const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bandwidthClass = (routers: fc.Arbitrary<Uint8Array[]>) =>
  fc.record({ name: fc.string({ maxLength: 40 }), routers, averageDown: u32, averageUp: u32, peakDown: u32, peakUp: u32 });
const passphraseHash = fc.record({
  algorithm: fc.constant('scrypt' as const),
  N: fc.constantFrom(2, 1024, 16384),
  r: fc.integer({ min: 1, max: 16 }),
  p: fc.integer({ min: 1, max: 4 }),
  salt: fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('hex')),
  hash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
});

const state: fc.Arbitrary<AdminState> = fc.record({
  bandwidthLimits: fc
    .tuple(bandwidthClass(fc.constant([])), fc.array(bandwidthClass(fc.array(hash, { minLength: 1, maxLength: 3 })), { maxLength: 3 }))
    .map(([base, others]) => ({ classes: [...others, base] })),
  trustedRouters: fc.array(hash, { maxLength: 5 }),
  addressVisibility: fc.constantFrom(true, false, null),
  addressRotationPeriod: fc.integer({ min: 0, max: 0xffff }),
  lastAddressRotation: fc.nat(),
  peers: fc.constant([]),
  passphrase: fc.option(fc.record({ current: passphraseHash, configured: passphraseHash }), { nil: null }),
});

describe('admin state JSON', () => {
  test.prop([state])('reads back what it wrote', (s) => {
    expect(stateFromJson(stateToJson(s))).toEqual(s);
  });

  it('reads the initial state back', () => {
    expect(stateFromJson(stateToJson(INITIAL_STATE))).toEqual(INITIAL_STATE);
  });

  it('names the path of the first problem', () => {
    const good = JSON.parse(stateToJson(INITIAL_STATE)) as Record<string, unknown>;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, addressVisibility: 'yes' }, '$.addressVisibility'],
      [{ ...good, trustedRouters: ['zz'] }, '$.trustedRouters[0]'],
      [{ ...good, bandwidthLimits: [] }, '$.bandwidthLimits cannot be encoded'],
      [{ ...good, lastAddressRotation: -1 }, '$.lastAddressRotation'],
      [{ ...good, passphrase: { current: {}, configured: {} } }, '$.passphrase.current.algorithm'],
    ];
    for (const [json, path] of cases) {
      expect(() => stateFromJson(JSON.stringify(json))).toThrow(StateFormatError);
      expect(() => stateFromJson(JSON.stringify(json))).toThrow(path);
    }
  });
});
