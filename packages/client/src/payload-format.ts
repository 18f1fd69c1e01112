import type { Destination, Mapping } from '@i2cp/data';

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
  /** Datagram3 (protocol 20): the sender's Destination hash, unauthenticated. */
  readonly senderHash?: Uint8Array;
  /** Datagram2/3 (protocols 19, 20): the datagram's options, when it carries any. */
  readonly datagramOptions?: Mapping;
}

/** An encoded payload; `settle` learns whether it arrived (2003 session tags become usable only then). */
export interface EncodedPayload {
  readonly bytes: Uint8Array;
  settle(delivered: boolean): void;
}

/**
 * A decoded payload, settled once the application is done with it or it was dropped unread
 * (2003: its session tag is spent only then, so the router's copy stays readable until it is ended).
 */
export interface DecodedPayload extends IncomingPayload {
  /**
   * The application is done with it: makes durable what the payload delivered (2003 session tags,
   * when the session keeps its state), then calls `end` (the ReceiveMessageEnd, settled once it is
   * handed to the socket), and spends what it used once the End is out. `end` is called even when
   * saving fails; the failure is thrown afterwards.
   */
  accept(end: () => Promise<void>): void;
  /** Nobody took it: what it used becomes usable again, for the router's copy. */
  discard(): void;
  /**
   * True when `accept` only calls `end` and `discard` does nothing (current dialect): a message the
   * router does not hold then needs no bookkeeping between its arrival and the application.
   */
  readonly stateless?: boolean;
}

/**
 * How a dialect turns application bytes into a Payload and back: current routers carry a gzip
 * container with ports and protocol; the 2003 draft has the client encrypt end to end.
 */
export interface PayloadFormat {
  encode(to: Destination, payload: OutgoingPayload): EncodedPayload;
  /** Throws an I2cpError for a payload that cannot be read; the session leaves it with the router and logs why. */
  decode(payload: Uint8Array): DecodedPayload;
  /** The session has ended: saves what is left to save. Throws an I2cpError when it cannot. */
  close(): void;
}
