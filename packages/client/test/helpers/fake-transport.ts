import { I2cpError, concatBytes } from '@i2cp/data';
import type { Transport } from '../../src/index.js';

/** A Transport whose incoming bytes the test feeds by hand, recording what the client writes. */
export interface FakeTransport extends Transport {
  readonly written: Uint8Array[];
  feed(chunk: Uint8Array): void;
  /** The router side ends the stream (EOF). */
  end(): void;
}

export function fakeTransport(): FakeTransport {
  const incoming: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const written: Uint8Array[] = [];
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  return {
    written,
    feed(chunk) {
      incoming.push(chunk);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    write(data) {
      if (ended) return Promise.reject(new I2cpError('CLOSED', 'fake transport closed'));
      written.push(data.slice());
      return Promise.resolve();
    },
    // Recorded joined, as one write: a frame the client passes in parts is one entry of `written`.
    writev(parts) {
      if (ended) return Promise.reject(new I2cpError('CLOSED', 'fake transport closed'));
      written.push(concatBytes(parts));
      return Promise.resolve();
    },
    close() {
      ended = true;
      notify();
      return Promise.resolve();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const chunk = incoming.shift();
        if (chunk !== undefined) {
          yield chunk;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

/** Polls `find` once per event-loop turn until it finds something (a bounded number of turns). */
export async function until<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('the client never wrote it');
}
