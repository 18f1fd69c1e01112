import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { createTcpTransport } from '../src/index.js';

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

test('many writes waiting on a full socket share one drain wait, and all settle once the peer reads', async () => {
  const peers: Socket[] = [];
  const server = createServer((socket) => {
    socket.pause(); // does not read until told to, so the client's buffer fills
    peers.push(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  const transport = await createTcpTransport({ host: '127.0.0.1', port });
  stops.push(() => transport.close());

  // 64 MiB: more than loopback's kernel buffers take, so most writes wait for the peer to read.
  const chunk = new Uint8Array(64 * 1024).fill(7);
  const count = 1024;
  const writes = Array.from({ length: count }, () => transport.write(chunk));
  const settled = new Set<Promise<void>>();
  for (const w of writes) void w.then(() => settled.add(w));
  await new Promise((resolve) => setImmediate(resolve));
  const waiting = writes.filter((w) => !settled.has(w));
  expect(waiting.length).toBeGreaterThan(1);
  // One wait for all of them (a drain listener per write would pile up past Node's listener limit).
  expect(new Set(waiting).size).toBe(1);

  let received = 0;
  const peer = peers[0]!;
  peer.on('data', (data: Buffer) => (received += data.length));
  peer.resume();
  await Promise.all(writes);
  await expect.poll(() => received, { timeout: 5000 }).toBe(count * chunk.length);
});
