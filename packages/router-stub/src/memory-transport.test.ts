import { describe, expect, it } from 'vitest';
import { createMemoryPair } from './memory-transport.js';
import type { LinkEvents } from './link.js';

function recorder(): { events: LinkEvents; data: Uint8Array[]; closed: Promise<void> } {
  const data: Uint8Array[] = [];
  let close!: () => void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  return {
    data,
    closed,
    events: { data: (c) => data.push(c), drain: () => undefined, error: () => undefined, close: () => close() },
  };
}

describe('createMemoryPair', () => {
  it('carries bytes both ways asynchronously and ends iteration after the router ends', async () => {
    const { link, transport } = createMemoryPair('memory:1');
    const r = recorder();
    link.attach(r.events);
    await transport.write(Uint8Array.of(1, 2));
    expect(r.data).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.data).toEqual([Uint8Array.of(1, 2)]);
    link.write([Uint8Array.of(3), Uint8Array.of(4)]);
    expect(link.pendingBytes).toBe(2);
    link.end(1000);
    const got: number[] = [];
    for await (const chunk of transport) got.push(...chunk);
    expect(got).toEqual([3, 4]);
    await r.closed;
    await expect(transport.write(Uint8Array.of(5))).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('copies what the client writes, so the client may reuse its buffer', async () => {
    const { link, transport } = createMemoryPair('memory:4');
    const r = recorder();
    link.attach(r.events);
    const buffer = Uint8Array.of(1, 2, 3);
    await transport.write(buffer);
    buffer.fill(9);
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.data).toEqual([Uint8Array.of(1, 2, 3)]);
    await transport.close();
  });

  it('holds client writes while the router pauses reading', async () => {
    const { link, transport } = createMemoryPair('memory:2');
    const r = recorder();
    link.attach(r.events);
    link.pause();
    await transport.write(Uint8Array.of(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.data).toEqual([]);
    link.resume();
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.data).toEqual([Uint8Array.of(1)]);
    await transport.close();
    await r.closed;
  });

  it('a client close ends iteration and tells the router', async () => {
    const { link, transport } = createMemoryPair('memory:3');
    const r = recorder();
    link.attach(r.events);
    const iterator = transport[Symbol.asyncIterator]();
    const pending = iterator.next();
    await transport.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    await r.closed;
  });
});
