import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.js';

describe('createSimulation', () => {
  it('is inactive and delivers at once by default', () => {
    const sim = createSimulation({ dropProbability: 0, latencyMs: 0, jitterMs: 0, seed: 1 });
    expect(sim.active).toBe(false);
    expect(sim.fate()).toBe(0);
  });

  it('keeps delays within latency ± jitter and never below 0', () => {
    const sim = createSimulation({ dropProbability: 0, latencyMs: 10, jitterMs: 30, seed: 7 });
    for (let i = 0; i < 1000; i++) {
      const d = sim.fate();
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(40);
    }
  });

  it('is reproducible for a seed and drops about the asked share', () => {
    const fates = (seed: number): number[] => {
      const sim = createSimulation({ dropProbability: 0.3, latencyMs: 5, jitterMs: 5, seed });
      return Array.from({ length: 2000 }, () => sim.fate());
    };
    expect(fates(9)).toEqual(fates(9));
    expect(fates(9)).not.toEqual(fates(10));
    const dropped = fates(9).filter((f) => f < 0).length;
    expect(dropped).toBeGreaterThan(450);
    expect(dropped).toBeLessThan(750);
  });
});
