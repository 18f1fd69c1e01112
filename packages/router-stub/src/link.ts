/**
 * A Link is the server's end of one byte stream (a TCP socket or an in-memory pair). Everything
 * above it (framing, dialects, sessions) is the same code path for both.
 */
import type { Socket } from 'node:net';

export interface LinkEvents {
  data(chunk: Uint8Array): void;
  /** The peer has taken enough queued output that pendingBytes fell back under the high-water mark. */
  drain(): void;
  error(error: Error): void;
  /** The stream is gone (either side); called exactly once. */
  close(): void;
}

export interface Link {
  readonly remoteAddress: string;
  /** Bytes written to the link that the peer has not taken yet. */
  readonly pendingBytes: number;
  attach(events: LinkEvents): void;
  /** Writes parts in order as one batch (one writev on TCP). Parts are views; they are never copied (the connection coalesces small frames). */
  write(parts: readonly Uint8Array[]): void;
  pause(): void;
  resume(): void;
  /** Sends what was written, then closes; destroys after `graceMs` if the peer does not let go. */
  end(graceMs: number): void;
  destroy(): void;
}

export function tcpLink(socket: Socket): Link {
  socket.setNoDelay(true);
  return {
    remoteAddress: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
    get pendingBytes() {
      return socket.writableLength;
    },
    attach(events) {
      socket.on('data', (chunk: Buffer) => {
        // A plain view: every frame and payload is cut from it with subarray, which costs far less
        // on a Uint8Array than on a Buffer (whose subarray builds a Buffer object).
        events.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      });
      socket.on('drain', () => {
        events.drain();
      });
      socket.on('error', (error) => {
        events.error(error);
      });
      socket.on('close', () => {
        events.close();
      });
    },
    write(parts) {
      if (socket.destroyed || !socket.writable) return;
      // Corking turns the batch into a single writev: one syscall for many frames.
      socket.cork();
      for (const part of parts) socket.write(part);
      socket.uncork();
    },
    pause() {
      socket.pause();
    },
    resume() {
      socket.resume();
    },
    end(graceMs) {
      if (socket.destroyed) return;
      socket.end();
      setTimeout(() => socket.destroy(), graceMs).unref();
    },
    destroy() {
      socket.destroy();
    },
  };
}
