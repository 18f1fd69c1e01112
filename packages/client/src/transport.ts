/**
 * The byte stream a Connection speaks over. TCP is one (`createTcpTransport`); the router stub hands
 * out in-memory pairs; anything else (TLS, a proxy, a test double) only has to fit this shape.
 */
export interface Transport extends AsyncIterable<Uint8Array> {
  /** Queues bytes for sending; resolves when the transport can take more (back-pressure). Rejects with an I2cpError once closed. */
  write(data: Uint8Array): Promise<void>;
  /** Closes both directions; iteration ends. Idempotent. */
  close(): Promise<void>;
}
