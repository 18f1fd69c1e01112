import { describe, expect, it } from 'vitest';
import { TrafficShaper } from './traffic.js';

describe('TrafficShaper', () => {
  it('lets everything through without limits', () => {
    const shaper = new TrafficShaper();
    expect(shaper.delay(1_000_000, 0)).toBe(0);
    shaper.set(undefined);
    expect(shaper.delay(1_000_000, 0)).toBe(0);
  });

  it('spends the peak burst at once, then delays by the average rate of the tighter direction', () => {
    const shaper = new TrafficShaper();
    shaper.set({ averageUpBps: 1000, peakUpBps: 2000, averageDownBps: 4000, peakDownBps: 0 }, 0);
    expect(shaper.delay(2000, 0)).toBe(0);
    expect(shaper.delay(500, 0)).toBe(500);
    expect(shaper.delay(500, 0)).toBe(1000);
    // After the debt is repaid the bucket refills again.
    expect(shaper.delay(1000, 3000)).toBe(0);
  });
});
