import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { concatBytes } from '@i2cp/data';
import { createTcpTransport, type Transport } from '../src/index.js';

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

/** A server that collects everything its one client sends until the client ends the stream. */
async function collectingServer(): Promise<{ port: number; received: Promise<Uint8Array> }> {
  let deliver!: (bytes: Uint8Array) => void;
  const received = new Promise<Uint8Array>((resolve) => (deliver = resolve));
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      deliver(new Uint8Array(Buffer.concat(chunks)));
      socket.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as AddressInfo).port, received };
}

/** The TCP transport takes parts; the Transport interface leaves that optional. */
function writev(transport: Transport, parts: Uint8Array[]): Promise<void> {
  if (transport.writev === undefined) throw new Error('the TCP transport has no writev');
  return transport.writev(parts);
}

function patterned(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

test('writes of one turn, small and large, whole and in parts, reach the peer in order and byte-identical', async () => {
  const { port, received } = await collectingServer();
  const transport = await createTcpTransport({ host: '127.0.0.1', port });
  stops.push(() => transport.close());
  // Small parts are copied into one buffer, parts over 4 KiB go out as views: the order must hold across both.
  const pieces = [patterned(5, 1), patterned(300, 2), patterned(9000, 3), patterned(1, 4), patterned(4096, 5), patterned(4097, 6), patterned(70_000, 7)];
  const writes = [
    transport.write(pieces[0]!),
    writev(transport, [pieces[1]!, pieces[2]!, pieces[3]!]),
    transport.write(pieces[4]!),
    writev(transport, [pieces[5]!, pieces[6]!]),
  ];
  await Promise.all(writes);
  await transport.close();
  expect(await received).toEqual(concatBytes(pieces));
});

test('close() sends what was written in the same turn before ending the stream', async () => {
  const { port, received } = await collectingServer();
  const transport = await createTcpTransport({ host: '127.0.0.1', port });
  const last = transport.write(patterned(100, 9));
  const closing = transport.close();
  await last;
  await closing;
  expect(await received).toEqual(patterned(100, 9));
  await expect(transport.write(patterned(1, 1))).rejects.toMatchObject({ code: 'CLOSED' });
  await expect(writev(transport, [patterned(1, 1)])).rejects.toMatchObject({ code: 'CLOSED' });
});

test('a writer awaiting each write in a loop meets back-pressure and everything arrives', async () => {
  const { port, received } = await collectingServer();
  const transport = await createTcpTransport({ host: '127.0.0.1', port });
  stops.push(() => transport.close());
  // Each write resolves once its batch is in the socket, so this loop yields to the event loop instead of
  // queueing 8 MiB within one turn.
  const piece = patterned(1024, 3);
  for (let i = 0; i < 8192; i++) await transport.write(piece);
  await transport.close();
  const all = await received;
  expect(all.length).toBe(8192 * 1024);
  expect(all.subarray(1024 * 8191)).toEqual(piece);
});
