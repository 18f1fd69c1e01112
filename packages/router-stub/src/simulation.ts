import { seededRandom } from './random.js';
import type { SimulationOptions } from './options.js';

/** Decides the fate of each message between two local sessions: lost, or delivered after a delay. */
export interface NetworkSimulation {
  readonly active: boolean;
  /** -1: the message is lost; otherwise the delay in ms (0: at once). */
  fate(): number;
}

export function createSimulation(options: Required<SimulationOptions>): NetworkSimulation {
  const { dropProbability, latencyMs, jitterMs } = options;
  const random = seededRandom(options.seed);
  const active = dropProbability > 0 || latencyMs > 0 || jitterMs > 0;
  return {
    active,
    fate() {
      if (!active) return 0;
      if (dropProbability > 0 && random() < dropProbability) return -1;
      const jitter = jitterMs > 0 ? (random() * 2 - 1) * jitterMs : 0;
      return Math.max(0, Math.round(latencyMs + jitter));
    },
  };
}
