import { connect, type Socket } from 'node:net';
import { createRouterStub, type RouterStub } from '@i2cp/router-stub';
import { decodeMessage, FrameDecoder, type Message } from '@i2cp/codec';
import { createRouterAdmin, type RouterAdminOptions } from '../../src/router/router-admin.js';

/** A router stub on a free loopback port with the admin handler on `dataDir`. */
export async function startStub(admin: Omit<RouterAdminOptions, 'dataDir'> | undefined, dataDir: string): Promise<RouterStub> {
  return createRouterStub({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    ...(admin === undefined ? {} : { admin: createRouterAdmin({ dataDir, ...admin }) }),
  });
}

/** Sends raw bytes on a fresh 2003 connection and collects every message until the router closes it. */
export async function exchangeRaw(port: number, bytes: Uint8Array, timeoutMs = 10_000): Promise<Message[]> {
  const socket: Socket = connect({ host: '127.0.0.1', port, noDelay: true });
  const decoder = new FrameDecoder();
  const messages: Message[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the router kept the connection open for ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      for (const frame of decoder.push(chunk)) messages.push(decodeMessage(frame, '2003'));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.write(bytes);
  await done;
  return messages;
}
