import { connect as netConnect, type Socket } from 'node:net';
import { I2cpError } from '@i2cp/data';
import { abortError } from './abort.js';

/**
 * A byte stream to a router; structurally the `Transport` of @i2cp/client and of the router
 * stub's `connectMemory()`, restated here because admin depends on neither.
 */
export interface Transport extends AsyncIterable<Uint8Array> {
  /** Queues bytes for sending; resolves when the transport can take more. Rejects with an I2cpError once closed. */
  write(data: Uint8Array): Promise<void>;
  /** Closes both directions; iteration ends. Idempotent. */
  close(): Promise<void>;
}

/** How long close() lets queued bytes drain before it destroys the socket. */
const CLOSE_GRACE_MS = 1000;

/** Opens a TCP connection with Nagle off (I2CP is request/response; Nagle adds tens of ms). */
export function connectTcp(host: string, port: number, signal?: AbortSignal): Promise<Transport> {
  if (signal?.aborted === true) return Promise.reject(abortError(signal, `connecting to ${host}:${port}`));
  return new Promise<Transport>((resolve, reject) => {
    const socket = netConnect({ host, port, noDelay: true });
    const onAbort = (): void => {
      socket.destroy();
      reject(abortError(signal!, `connecting to ${host}:${port}`));
    };
    const onError = (error: Error): void => {
      signal?.removeEventListener('abort', onAbort);
      reject(new I2cpError('CONNECTION_FAILED', `cannot connect to ${host}:${port}: ${error.message}`, { cause: error }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      resolve(socketTransport(socket));
    });
  });
}

function socketTransport(socket: Socket): Transport {
  // Errors surface through iteration and write(); this listener only keeps an unread error from crashing the process.
  socket.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
      try {
        // Plain Uint8Array views, so decoded byte fields compare and serialise like every other Uint8Array.
        for await (const chunk of socket) {
          const buffer = chunk as Buffer;
          yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        }
      } catch (error) {
        if (closing !== undefined) return;
        throw new I2cpError('DISCONNECTED', `connection lost: ${(error as Error).message}`, { cause: error });
      }
    },
    write(data: Uint8Array): Promise<void> {
      if (closing !== undefined || socket.destroyed || !socket.writable) {
        return Promise.reject(new I2cpError('CLOSED', 'the connection is closed'));
      }
      return new Promise<void>((resolve, reject) => {
        socket.write(data, (error) => {
          if (error) reject(new I2cpError('DISCONNECTED', `write failed: ${error.message}`, { cause: error }));
          else resolve();
        });
      });
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        if (socket.destroyed) {
          resolve();
          return;
        }
        const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
        timer.unref();
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.end();
      });
      return closing;
    },
  };
}
