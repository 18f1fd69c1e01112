/**
 * An in-memory byte stream between a client (a Transport) and the router (a Link). Bytes move
 * asynchronously (never inside the writer's call stack), with back-pressure both ways; what the
 * client writes is copied once, what the router writes is handed over as views it never reuses.
 */
import { I2cpError } from '@i2cp/data';
import type { Link, LinkEvents } from './link.js';

/** The client's end: the same shape as @i2cp/client's Transport. */
export interface Transport extends AsyncIterable<Uint8Array> {
  /** Queues bytes for sending; resolves when the transport can take more. Rejects with an I2cpError once closed. */
  write(data: Uint8Array): Promise<void>;
  /** Closes both directions; iteration ends. Idempotent. */
  close(): Promise<void>;
}

const HIGH_WATER = 256 * 1024;

export function createMemoryPair(remoteAddress: string): { link: Link; transport: Transport } {
  let events: LinkEvents | undefined;
  let closed = false;
  let serverEnding = false;
  let paused = false;
  let pumpScheduled = false;

  const toServer: Uint8Array[] = [];
  let toServerBytes = 0;
  let writeWaiters: (() => void)[] = [];

  const toClient: Uint8Array[] = [];
  let toClientBytes = 0;
  let toClientHead = 0;
  let reader: (() => void) | undefined;
  let serverWantsDrain = false;

  const wakeReader = (): void => {
    const r = reader;
    reader = undefined;
    r?.();
  };

  const releaseWriters = (): void => {
    const waiters = writeWaiters;
    writeWaiters = [];
    for (const w of waiters) w();
  };

  const finish = (): void => {
    if (closed) return;
    closed = true;
    toServer.length = 0;
    toServerBytes = 0;
    toClient.length = 0;
    toClientHead = 0;
    toClientBytes = 0;
    releaseWriters();
    wakeReader();
    setImmediate(() => events?.close());
  };

  const pump = (): void => {
    pumpScheduled = false;
    while (!paused && !closed && events !== undefined && toServer.length > 0) {
      const chunk = toServer.shift()!;
      toServerBytes -= chunk.length;
      events.data(chunk);
    }
    if (toServerBytes < HIGH_WATER) releaseWriters();
  };

  const schedulePump = (): void => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(pump);
  };

  const link: Link = {
    remoteAddress,
    get pendingBytes() {
      return toClientBytes;
    },
    attach(e) {
      events = e;
      schedulePump();
    },
    write(parts) {
      if (closed || serverEnding) return;
      for (const part of parts) {
        toClient.push(part);
        toClientBytes += part.length;
      }
      if (toClientBytes >= HIGH_WATER) serverWantsDrain = true;
      wakeReader();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      schedulePump();
    },
    end(graceMs) {
      serverEnding = true;
      wakeReader();
      setTimeout(finish, graceMs).unref();
    },
    destroy() {
      finish();
    },
  };

  const transport: Transport = {
    write(data) {
      if (closed || serverEnding) return Promise.reject(new I2cpError('CLOSED', 'memory transport is closed'));
      // A copy, as a socket makes one: the caller may reuse its buffer once write() resolves.
      toServer.push(data.slice());
      toServerBytes += data.length;
      schedulePump();
      if (toServerBytes < HIGH_WATER) return Promise.resolve();
      return new Promise<void>((resolve) => writeWaiters.push(resolve));
    },
    close() {
      finish();
      return Promise.resolve();
    },
    [Symbol.asyncIterator]() {
      return {
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          for (;;) {
            if (toClientHead < toClient.length) {
              const chunk = toClient[toClientHead]!;
              toClient[toClientHead++] = EMPTY;
              if (toClientHead > 1024 && toClientHead * 2 > toClient.length) {
                toClient.splice(0, toClientHead);
                toClientHead = 0;
              }
              toClientBytes -= chunk.length;
              if (serverWantsDrain && toClientBytes < HIGH_WATER / 2) {
                serverWantsDrain = false;
                setImmediate(() => events?.drain());
              }
              return { value: chunk, done: false };
            }
            if (closed) return { value: undefined, done: true };
            if (serverEnding) {
              finish();
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => (reader = resolve));
          }
        },
        return: (): Promise<IteratorResult<Uint8Array>> => {
          finish();
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
  return { link, transport };
}

const EMPTY = new Uint8Array(0);
