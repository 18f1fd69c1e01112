import { I2cpError } from '@i2cp/data';

export interface Interrupt {
  /** Aborted by the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Resolves at the first SIGINT or SIGTERM. */
  readonly interrupted: Promise<void>;
  /** Removes the handlers (they would otherwise pile up when main() runs many times in one process). */
  dispose(): void;
}

/**
 * Ctrl-C and `kill` end long-running commands through their normal clean-up path. Install it before
 * announcing readiness: whoever reads the announcement may signal at once.
 */
export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const dispose = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  function stop(sig: NodeJS.Signals): void {
    dispose();
    controller.abort(new I2cpError('ABORTED', `interrupted by ${sig}`));
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const interrupted = new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => {
      resolve();
    });
  });
  return { signal: controller.signal, interrupted, dispose };
}

