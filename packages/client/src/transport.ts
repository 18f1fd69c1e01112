/**
 * The byte stream a Connection speaks over. TCP is one (`createTcpTransport`); the router stub hands
 * out in-memory pairs; anything else (TLS, a proxy, a test double) only has to fit this shape.
 */
export interface Transport extends AsyncIterable<Uint8Array> {
  /** Queues bytes for sending; resolves when the transport can take more (back-pressure). Rejects with an I2cpError once closed. */
  write(data: Uint8Array): Promise<void>;
  /**
   * Optional: queues the parts as one write, in order (the client passes a SendMessage as header,
   * payload and trailer so the payload is not copied into a frame first). Without it the client
   * writes each frame whole with `write`.
   */
  writev?(parts: readonly Uint8Array[]): Promise<void>;
  /**
   * Optional, for transports that hold writes back to coalesce them: hands what is queued to the
   * operating system now. The client calls it after each ReceiveMessageEnd, which should not wait
   * for the end of the event-loop turn (see Connection's write).
   */
  flush?(): void;
  /** Closes both directions; iteration ends. Idempotent. */
  close(): Promise<void>;
}
