import { describe, expect, test } from 'vitest';
import { generateDestination, verifyLeaseSet, verifyLeaseSet2, randomBytes } from '@i2cp/data';
import { LeaseSetBuilder, leaseSetPlan } from './lease-sets.js';

const plan = (o: Record<string, string>) => leaseSetPlan(new Map(Object.entries(o)));

describe('leaseSetPlan', () => {
  test('defaults to LS2 with X25519 then ElGamal, and LS1 with ElGamal', () => {
    expect(plan({})).toEqual({ type: 3, encTypes: [4, 0] });
    expect(plan({ 'i2cp.leaseSetType': '1' })).toEqual({ type: 1, encTypes: [0] });
    expect(plan({ 'i2cp.leaseSetEncType': '4' })).toEqual({ type: 3, encTypes: [4] });
  });

  test('refuses what cannot be published', () => {
    for (const bad of [
      { 'i2cp.leaseSetType': '5' },
      { 'i2cp.leaseSetEncType': '1' },
      { 'i2cp.leaseSetEncType': '4,4' },
      { 'i2cp.leaseSetType': '1', 'i2cp.leaseSetEncType': '4' },
    ]) {
      expect(() => plan(bad)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }) as Error);
    }
  });
});

describe('LeaseSetBuilder', () => {
  const keys = generateDestination();
  const leases = [{ gateway: randomBytes(32), tunnelId: 7, endDate: 1_700_000_600_000 }];

  test('LS1: signed by the destination, ElGamal key pair from the destination, 20-byte dummy signing key', () => {
    const b = new LeaseSetBuilder(keys);
    const m = b.current(5, leases, plan({ 'i2cp.leaseSetType': '1' }), 1_700_000_000_000);
    if (m.type !== 'CreateLeaseSet') throw new Error('expected CreateLeaseSet');
    expect(verifyLeaseSet(m.leaseSet)).toBe(true);
    expect(m.leaseSet.encryptionKey.bytes).toEqual(keys.destination.publicKey.bytes);
    expect(m.privateKey).toBe(keys.privateKey);
    expect(m.signingPrivateKey.length).toBe(20);
    expect(m.sessionId).toBe(5);
  });

  test('LS2: keys in plan order with matching private keys, seconds, published strictly growing', () => {
    const b = new LeaseSetBuilder(keys);
    const p = plan({});
    const first = b.current(5, leases, p, 1_700_000_000_000);
    const second = b.current(5, leases, p, 1_700_000_000_000);
    if (first.type !== 'CreateLeaseSet2' || second.type !== 'CreateLeaseSet2') throw new Error('expected CreateLeaseSet2');
    if (first.store.storeType !== 3 || second.store.storeType !== 3) throw new Error('expected LS2');
    const ls = first.store.leaseSet;
    expect(verifyLeaseSet2(ls)).toBe(true);
    expect(ls.encryptionKeys.map((k) => k.encType)).toEqual([4, 0]);
    expect(first.privateKeys.map((k) => k.encType)).toEqual([4, 0]);
    expect(ls.leases[0]!.endSeconds).toBe(1_700_000_600);
    expect(ls.publishedSeconds).toBe(1_700_000_000);
    expect(ls.expiresOffsetSeconds).toBe(600);
    expect(second.store.leaseSet.publishedSeconds).toBe(1_700_000_001);
    // The same keys on every answer: senders that know the old lease set can still encrypt to us.
    expect(second.store.leaseSet.encryptionKeys[0]!.bytes).toEqual(ls.encryptionKeys[0]!.bytes);
  });
});
