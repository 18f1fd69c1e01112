import type { Destination } from '@i2cp/data';

export interface OutgoingPayload {
  readonly data: Uint8Array;
  readonly protocol: number;
  readonly fromPort: number;
  readonly toPort: number;
  readonly compress: boolean;
}

export interface IncomingPayload {
  readonly data: Uint8Array;
  readonly protocol: number;
  readonly fromPort: number;
  readonly toPort: number;
  readonly sender?: Destination;
}

/** An encoded payload; `settle` learns whether it arrived (2003 session tags become usable only then). */
export interface EncodedPayload {
  readonly bytes: Uint8Array;
  settle(delivered: boolean): void;
}

/**
 * How a dialect turns application bytes into a Payload and back: current routers carry a gzip
 * container with ports and protocol; the 2003 draft has the client encrypt end to end.
 */
export interface PayloadFormat {
  encode(to: Destination, payload: OutgoingPayload): EncodedPayload;
  /** Throws an I2cpError for a payload that cannot be read; the session drops it and logs why. */
  decode(payload: Uint8Array): IncomingPayload;
}
