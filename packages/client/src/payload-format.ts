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

/**
 * How a dialect turns application bytes into a Payload and back: current routers carry a gzip
 * container with ports and protocol; the 2003 draft has the client encrypt end to end.
 */
export interface PayloadFormat {
  encode(to: Destination, payload: OutgoingPayload): Uint8Array;
  /** Throws an I2cpError for a payload that cannot be read; the session drops it and logs why. */
  decode(payload: Uint8Array): IncomingPayload;
}
