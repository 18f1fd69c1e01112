import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';

/** A loopback TCP relay in front of a router, so a test can cut connections the hard way. */
export interface TcpProxy {
  readonly port: number;
  /** Destroys every relayed connection at once (both sides see a reset/EOF, no Disconnect). */
  killAll(): void;
  /** While false, new connections are dropped at once: the router looks gone. */
  setAccepting(accepting: boolean): void;
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { readonly host: string; readonly port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let accepting = true;
  const server: Server = createServer({ noDelay: true }, (client) => {
    if (!accepting) {
      client.destroy();
      return;
    }
    const upstream = netConnect({ host: target.host, port: target.port, noDelay: true });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  const killAll = (): void => {
    for (const [a, b] of pairs) {
      a.resetAndDestroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    port: address.port,
    killAll,
    setAccepting(value) {
      accepting = value;
    },
    get connections() {
      return pairs.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        killAll();
        server.close(() => resolve());
      }),
  };
}
