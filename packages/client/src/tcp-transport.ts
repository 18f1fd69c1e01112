import { connect as netConnect, type Socket } from 'node:net';
import { I2cpError } from '@i2cp/data';
import { abortError } from './abort.js';
import { deferred, type Deferred } from './deferred.js';
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

/**
 * Parts up to this size are copied into a shared buffer; larger ones go out as views. A write()
 * costs a stream request and a Buffer object, more than copying 4 KiB (the router stub's measure).
 */
const COPY_LIMIT = 4096;
/** Bytes queued within one turn past which they go to the socket at once, not at the end of the turn. */
const FLUSH_BYTES = 64 * 1024;

class TcpTransport implements Transport {
  readonly #socket: Socket;
  #closed = false;
  #closing: Promise<void> | undefined;
  #error: Error | undefined;
  /** Settles when the socket's buffer drains (or it closes); set while the socket is over its high-water mark. */
  #drained: Promise<void> | undefined;
  /** Parts written in this event-loop turn, handed to the socket together (one writev) at its end. */
  #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  /** What the writes of the queued batch wait for: its hand-over to the socket (and a drain, if that fills it). */
  #batch: Deferred<undefined> | undefined;
  #flushScheduled = false;
  readonly #flushLater = (): void => {
    this.#flushScheduled = false;
    this.#flush();
  };

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
    if (!this.#writable()) return this.#closedError();
    this.#queue.push(data);
    this.#queuedBytes += data.length;
    return this.#afterQueueing();
  }

  writev(parts: readonly Uint8Array[]): Promise<void> {
    if (!this.#writable()) return this.#closedError();
    for (const part of parts) {
      this.#queue.push(part);
      this.#queuedBytes += part.length;
    }
    return this.#afterQueueing();
  }

  flush(): void {
    this.#flush();
  }

  #writable(): boolean {
    const socket = this.#socket;
    return !(this.#closed || socket.destroyed || socket.writableEnded);
  }

  #closedError(): Promise<never> {
    return Promise.reject(new I2cpError('CLOSED', 'the connection is closed', this.#cause()));
  }

  /**
   * Writes are coalesced per event-loop turn, as the router stub does: a message written on its
   * own cost a syscall and a stream request, most of a sender's time. A write resolves once its
   * batch is in the socket (so what resolved reaches the router before anything written later on
   * another connection), or, when that filled the socket, once it drains: every writer waiting on
   * a full socket shares that one wait. A turn queueing 64 KiB flushes at once.
   */
  #afterQueueing(): Promise<void> {
    let waitFor = this.#drained;
    if (waitFor === undefined) {
      this.#batch ??= deferred();
      waitFor = this.#batch.promise;
    }
    if (this.#queuedBytes >= FLUSH_BYTES) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(this.#flushLater);
    }
    return waitFor;
  }

  /** Hands the queued parts to the socket as one corked batch (a single writev). */
  #flush(): void {
    const parts = this.#queue;
    const batch = this.#batch;
    this.#queue = [];
    this.#queuedBytes = 0;
    this.#batch = undefined;
    if (parts.length === 0) return;
    const socket = this.#socket;
    if (socket.destroyed || socket.writableEnded) {
      batch?.reject(new I2cpError('CLOSED', 'the connection closed before the bytes were written', this.#cause()));
      return;
    }
    socket.cork();
    try {
      writeBatch(socket, parts);
    } catch (error) {
      // Runs from setImmediate too, where a throw would end the process: the link fails instead.
      this.#error ??= error as Error;
      socket.destroy();
      batch?.reject(new I2cpError('CLOSED', 'writing to the socket failed', { cause: error }));
      return;
    } finally {
      socket.uncork();
    }
    if (!socket.writableNeedDrain) batch?.resolve(undefined);
    else if (this.#drained === undefined) this.#waitForDrain(batch ?? deferred());
    else if (batch !== undefined) {
      this.#drained.then(
        () => {
          batch.resolve(undefined);
        },
        (error: unknown) => {
          batch.reject(error);
        },
      );
    }
  }

  /** The writes waiting on `batch` (and every later one, until the drain) wait for the socket to drain. */
  #waitForDrain(batch: Deferred<undefined>): void {
    const socket = this.#socket;
    this.#drained = batch.promise;
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      this.#drained = undefined;
      if (socket.destroyed && socket.writableLength > 0) batch.reject(new I2cpError('CLOSED', 'the connection closed while writing', this.#cause()));
      else batch.resolve(undefined);
    };
    socket.once('drain', done);
    socket.once('close', done);
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      const socket = this.#socket;
      if (socket.destroyed) {
        resolve();
        return;
      }
      this.#flush();
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
      // Plain views: frames and payloads are cut from them with subarray, which on a Buffer builds a Buffer object each time.
      for await (const chunk of this.#socket) yield plainView(chunk as Buffer);
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

function plainView(chunk: Buffer): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Each run of small parts is copied into one buffer and written once; a large part (a payload over
 * 4 KiB) is written as a view of its own. A run is at most a turn's queue, about 64 KiB.
 */
function writeBatch(socket: Socket, parts: readonly Uint8Array[]): void {
  let runStart = 0;
  let runBytes = 0;
  for (let i = 0; i <= parts.length; i++) {
    const part = parts[i];
    if (part !== undefined && part.length <= COPY_LIMIT) {
      runBytes += part.length;
      continue;
    }
    if (runBytes > 0) socket.write(joinRun(parts, runStart, i, runBytes));
    if (part !== undefined) socket.write(part);
    runStart = i + 1;
    runBytes = 0;
  }
}

function joinRun(parts: readonly Uint8Array[], from: number, to: number, bytes: number): Uint8Array {
  if (to - from === 1) return parts[from]!;
  const out = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (let i = from; i < to; i++) {
    const part = parts[i]!;
    out.set(part, at);
    at += part.length;
  }
  return out;
}
