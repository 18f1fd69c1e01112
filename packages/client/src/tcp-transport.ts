import { connect as netConnect, type Socket } from 'node:net';
import { I2cpError } from '@i2cp/data';
import { abortError } from './abort.js';
import type { Transport } from './transport.js';

export interface TcpTransportOptions {
  readonly host: string;
  readonly port: number;
  readonly signal?: AbortSignal;
}

/** How long close() lets queued bytes (a Disconnect, say) drain before it destroys the socket. */
const CLOSE_GRACE_MS = 1000;

/** Opens a TCP connection (TCP_NODELAY: real routers add ~20 ms per message without it). */
export function createTcpTransport(options: TcpTransportOptions): Promise<Transport> {
  const { host, port, signal } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`port must be 1-65535, got ${port}`);
  if (signal?.aborted === true) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port, noDelay: true });
    const cleanup = (): void => {
      socket.off('connect', onConnect);
      socket.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const onConnect = (): void => {
      cleanup();
      resolve(new TcpTransport(socket));
    };
    const onError = (error: Error): void => {
      cleanup();
      socket.destroy();
      reject(new I2cpError('CONNECTION_FAILED', `cannot connect to ${host}:${port}: ${error.message}`, { cause: error }));
    };
    const onAbort = (): void => {
      cleanup();
      socket.destroy();
      reject(abortError(signal!));
    };
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

class TcpTransport implements Transport {
  readonly #socket: Socket;
  #closed = false;
  #closing: Promise<void> | undefined;
  #error: Error | undefined;
  /** Settles when the socket's buffer drains (or it closes); set while a write waits. */
  #drained: Promise<void> | undefined;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('error', (error) => {
      this.#error ??= error;
    });
    socket.once('close', () => {
      this.#closed = true;
    });
  }

  write(data: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (this.#closed || socket.destroyed || socket.writableEnded) {
      return Promise.reject(new I2cpError('CLOSED', 'the connection is closed', this.#cause()));
    }
    if (socket.write(data)) return Promise.resolve();
    // Every writer waiting on a full socket shares one drain wait: a listener per write would pile up
    // (MaxListenersExceededWarning with many sends in flight) and cost a closure each.
    this.#drained ??= new Promise<void>((resolve, reject) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        this.#drained = undefined;
        if (socket.destroyed && socket.writableLength > 0) reject(new I2cpError('CLOSED', 'the connection closed while writing', this.#cause()));
        else resolve();
      };
      socket.once('drain', done);
      socket.once('close', done);
    });
    return this.#drained;
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      const socket = this.#socket;
      if (socket.destroyed) {
        resolve();
        return;
      }
      const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
    return this.#closing;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    try {
      for await (const chunk of this.#socket) yield chunk as Uint8Array;
    } catch (error) {
      throw new I2cpError('DISCONNECTED', `connection error: ${(error as Error).message}`, { cause: error });
    }
    if (this.#error !== undefined) {
      throw new I2cpError('DISCONNECTED', `connection error: ${this.#error.message}`, { cause: this.#error });
    }
  }

  #cause(): ErrorOptions | undefined {
    return this.#error === undefined ? undefined : { cause: this.#error };
  }
}
