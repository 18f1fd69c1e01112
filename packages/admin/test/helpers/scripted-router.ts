import { concatBytes } from '@i2cp/data';
import type { Transport } from '../../src/transport.js';

/** A Transport whose far end the test plays by hand: it sees every write and pushes chosen bytes. */
export interface ScriptedRouter {
  readonly transport: Transport;
  /** Everything the client wrote so far, as one byte string. */
  written(): Uint8Array;
  /** Resolves once the client has written at least `bytes` bytes in total. */
  waitForBytes(bytes: number): Promise<void>;
  send(bytes: Uint8Array): void;
  /** The router side closes; the client's iteration ends. */
  end(): void;
  readonly closedByClient: () => boolean;
}

export function scriptedRouter(): ScriptedRouter {
  const writes: Uint8Array[] = [];
  const inbound: Uint8Array[] = [];
  let ended = false;
  let clientClosed = false;
  let wake: (() => void) | undefined;
  let writeWaiters: (() => void)[] = [];
  const total = (): number => writes.reduce((n, w) => n + w.length, 0);
  const poke = (): void => {
    wake?.();
    wake = undefined;
  };
  const transport: Transport = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = inbound.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (ended || clientClosed) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    write(data) {
      if (clientClosed || ended) return Promise.reject(Object.assign(new Error('closed'), { code: 'CLOSED' }));
      writes.push(data.slice());
      for (const w of writeWaiters) w();
      writeWaiters = [];
      return Promise.resolve();
    },
    close() {
      clientClosed = true;
      poke();
      return Promise.resolve();
    },
  };
  return {
    transport,
    written: () => concatBytes(writes),
    async waitForBytes(bytes) {
      while (total() < bytes) await new Promise<void>((resolve) => writeWaiters.push(resolve));
    },
    send(bytes) {
      inbound.push(bytes);
      poke();
    },
    end() {
      ended = true;
      poke();
    },
    closedByClient: () => clientClosed,
  };
}
