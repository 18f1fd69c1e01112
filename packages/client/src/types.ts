import type { Destination, Mapping } from '@i2cp/data';

/** Options of a send. Ports and protocol travel in the current dialect's payload header only. */
export interface SendOptions {
  /**
   * I2P protocol number (default 18, raw datagram); 17 signs the payload as a repliable datagram,
   * 19 as a Datagram2 (bound to the recipient), 20 wraps it as a Datagram3 (sender hash, unsigned).
   */
  readonly protocol?: number;
  readonly fromPort?: number;
  readonly toPort?: number;
  /**
   * 'status' (default) waits for the router's final delivery status; 'none' sends with nonce 0
   * (current dialect), asks for no status and resolves once the bytes are written.
   */
  readonly reliability?: 'status' | 'none';
  /** Expiration (ms since the epoch, or a Date); the router drops the message after it. Current dialect only. */
  readonly expires?: number | Date;
  /** false sends the gzip container uncompressed (stored), e.g. for data known to be incompressible. */
  readonly compress?: boolean;
  readonly signal?: AbortSignal;
}

/** The outcome of a send, as the router reported it. */
export interface SendResult {
  /** The router's MessageStatus code; undefined for a fire-and-forget send. */
  readonly status: number | undefined;
  /** The code's name ("GuaranteedSuccess", "NoLeaseSet", …), or "Sent" for fire-and-forget. */
  readonly name: string;
  /** Accepted, best-effort/guaranteed/local success (1, 2, 4, 6), or written for fire-and-forget. */
  readonly success: boolean;
  /**
   * False when the connection dropped after the router accepted the message but before its final
   * status (2003 resumption): the router has the message, its fate is unknown.
   */
  readonly final: boolean;
  /** The router's MessageId of the final (or accepted) status, if it sent one. */
  readonly messageId: number | undefined;
}

/** A message received by a session. */
export interface ReceivedMessage {
  readonly payload: Uint8Array;
  /** I2P protocol (6 streaming, 17 repliable datagram, 18 raw, 19 Datagram2, 20 Datagram3, 0 unspecified; always 0 in 2003). */
  readonly protocol: number;
  readonly fromPort: number;
  readonly toPort: number;
  /** For repliable datagrams and Datagram2 (protocols 17, 19): the sender, whose signature was verified. */
  readonly sender?: Destination;
  /** For Datagram3 (protocol 20): the sender's Destination hash as it wrote it, not authenticated (look it up to reply). */
  readonly senderHash?: Uint8Array;
  /** For Datagram2/3 (protocols 19, 20) that carry options: the datagram's options Mapping. */
  readonly datagramOptions?: Mapping;
  /** The router's MessageId. */
  readonly messageId: number;
}

export interface MessagesOptions {
  /** Only messages of this protocol. */
  readonly protocol?: number;
  /** Only messages to this port (the payload header's destination port). */
  readonly port?: number;
  /** Messages buffered before the oldest is dropped (default 256). */
  readonly bufferSize?: number;
  /** Ends the iteration with ABORTED / TIMEOUT. */
  readonly signal?: AbortSignal;
}

/** A ReportAbuse the router sent about this session. */
export interface AbuseReport {
  readonly severity: number;
  readonly reason: string;
  /** 0 when not about one message. */
  readonly messageId: number;
}

export interface SignalOptions {
  readonly signal?: AbortSignal;
}
