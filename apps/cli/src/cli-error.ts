import { I2cpError, isI2cpError } from '@i2cp/data';

/** Exit codes: 0 ok, 1 the operation failed (delivery, lookup, router), 2 bad usage or input. */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function usageError(message: string): I2cpError {
  return new I2cpError('BAD_ARGUMENT', message);
}

export function exitCodeFor(e: unknown): ExitCode {
  if (isI2cpError(e) && (e.code === 'BAD_ARGUMENT' || e.code === 'BAD_KEY_FILE' || e.code === 'BAD_ADDRESS')) {
    return ExitCode.Usage;
  }
  return ExitCode.Failed;
}
