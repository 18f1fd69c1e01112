/**
 * Every failure the packages report is an I2cpError with a stable `code`.
 * Codes are grouped by where they come from; the package READMEs list them.
 */
export const I2cpErrorCode = {
  // Decoding bytes (data structures, frames, messages)
  DECODE_TRUNCATED: 'DECODE_TRUNCATED',
  DECODE_INVALID: 'DECODE_INVALID',
  DECODE_TRAILING: 'DECODE_TRAILING',
  FRAME_TOO_LARGE: 'FRAME_TOO_LARGE',
  // Encoding values
  ENCODE_INVALID: 'ENCODE_INVALID',
  // Keys, signatures and encryption
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  BAD_KEY: 'BAD_KEY',
  DECRYPT_FAILED: 'DECRYPT_FAILED',
  BAD_ADDRESS: 'BAD_ADDRESS',
  BAD_KEY_FILE: 'BAD_KEY_FILE',
  // Protocol and sessions
  PROTOCOL: 'PROTOCOL',
  HANDSHAKE_FAILED: 'HANDSHAKE_FAILED',
  AUTH_FAILED: 'AUTH_FAILED',
  SESSION_REFUSED: 'SESSION_REFUSED',
  SESSION_CLOSED: 'SESSION_CLOSED',
  DISCONNECTED: 'DISCONNECTED',
  CONNECTION_FAILED: 'CONNECTION_FAILED',
  SEND_FAILED: 'SEND_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  LOOKUP_FAILED: 'LOOKUP_FAILED',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  // Control flow
  TIMEOUT: 'TIMEOUT',
  ABORTED: 'ABORTED',
  CLOSED: 'CLOSED',
  // Configuration, files and arguments
  BAD_ARGUMENT: 'BAD_ARGUMENT',
  BAD_CONFIG: 'BAD_CONFIG',
  IO: 'IO',
  STATE_CORRUPT: 'STATE_CORRUPT',
} as const;
export type I2cpErrorCode = (typeof I2cpErrorCode)[keyof typeof I2cpErrorCode];

export class I2cpError extends Error {
  override readonly name: string = 'I2cpError';
  readonly code: I2cpErrorCode;

  constructor(code: I2cpErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** A byte sequence that could not be decoded; `offset` is where in the input the problem was found. */
export class DecodeError extends I2cpError {
  override readonly name: string = 'DecodeError';
  readonly offset: number;

  constructor(
    code: 'DECODE_TRUNCATED' | 'DECODE_INVALID' | 'DECODE_TRAILING' | 'FRAME_TOO_LARGE' | 'UNSUPPORTED_TYPE',
    message: string,
    offset: number,
    options?: ErrorOptions,
  ) {
    super(code, `${message} (at byte ${offset})`, options);
    this.offset = offset;
  }
}

/** A value that cannot be put on the wire (out of range, too long, wrong size). */
export class EncodeError extends I2cpError {
  override readonly name: string = 'EncodeError';

  constructor(message: string, options?: ErrorOptions) {
    super('ENCODE_INVALID', message, options);
  }
}

const codes = new Set<string>(Object.values(I2cpErrorCode));

/**
 * True for any I2cpError, including one from another copy of this package (ESM and CJS builds
 * loaded side by side fail `instanceof`), so it checks the shape rather than the class.
 */
export function isI2cpError(e: unknown): e is I2cpError {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && codes.has(code) && e.name.length > 0;
}

/** Wraps anything thrown by foreign code into an I2cpError, keeping I2cpErrors as they are. */
export function toI2cpError(e: unknown, code: I2cpErrorCode, message: string): I2cpError {
  if (isI2cpError(e)) return e;
  return new I2cpError(code, `${message}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}
