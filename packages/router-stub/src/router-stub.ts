import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import { I2cpError, toI2cpError } from '@i2cp/data';
import type { Destination } from '@i2cp/data';
import { tcpLink } from './link.js';
import { createMemoryPair } from './memory-transport.js';
import type { Transport } from './memory-transport.js';
import { addName, createNameTable, parseHostsFile } from './names.js';
import type { NameTable } from './names.js';
import type { Logger } from './logger.js';
import { resolveOptions } from './options.js';
import type { RouterStubOptions } from './options.js';
import { Router } from './router.js';
import type { RouterStats } from './router.js';

export interface RouterStub {
  /** Where the stub listens (the real port when 0 was asked for). */
  readonly address: { readonly host: string; readonly port: number };
  /** A client end of an in-memory connection, served exactly like a TCP one. */
  connectMemory(): Transport;
  stats(): RouterStats;
  /** Sends Disconnect to every client, closes every connection and the listener. Idempotent. */
  close(): Promise<void>;
  /** Resolves once the stub is closed: undefined after close(), or the error that stopped it. Never rejects. */
  readonly closed: Promise<I2cpError | undefined>;
}

/** Starts a router stub listening on TCP (127.0.0.1:7654 unless told otherwise). */
export async function createRouterStub(options: RouterStubOptions = {}): Promise<RouterStub> {
  const resolved = resolveOptions(options);
  const names = await loadNames(options, resolved.log);
  const admin = options.admin;
  const router = new Router(resolved, names, admin, options.auth);
  const server = createServer({ noDelay: true }, (socket) => {
    try {
      router.accept(tcpLink(socket));
    } catch (e) {
      resolved.log.error('accept failed', { error: e instanceof Error ? e.message : String(e) });
      socket.destroy();
    }
  });
  let port: number;
  try {
    if (admin !== undefined) {
      await admin.attach({
        setTrafficLimits: (limits) => {
          router.setTrafficLimits(limits);
        },
        log: resolved.log,
      });
    }
    port = await listen(server, resolved.host, resolved.port);
  } catch (e) {
    // Nothing may keep running after a failed start: the router's timers stop with it.
    await router.close('router failed to start');
    throw toI2cpError(e, 'BAD_CONFIG', 'the admin handler failed to attach');
  }
  resolved.log.info('router stub listening', { host: resolved.host, port, dialect: resolved.dialect });

  let memoryIds = 0;
  let resolveClosed!: (error: I2cpError | undefined) => void;
  const closed = new Promise<I2cpError | undefined>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = (error?: I2cpError): Promise<void> => {
    closing ??= (async () => {
      const serverClosed = new Promise<void>((resolve) => server.close(() => {
          resolve();
        }));
      await router.close('router shutting down');
      await serverClosed;
      if (admin !== undefined) {
        await admin.close().catch((e: unknown) => {
          resolved.log.error('admin handler failed to close', { error: e instanceof Error ? e.message : String(e) });
        });
      }
      resolved.log.info('router stub closed');
      resolveClosed(error);
    })();
    return closing;
  };
  server.on('error', (e) => {
    resolved.log.error('listener failed', { error: e.message });
    void close(toI2cpError(e, 'IO', 'router stub listener failed'));
  });

  return {
    address: { host: resolved.host, port },
    connectMemory() {
      if (closing !== undefined) throw new I2cpError('CLOSED', 'the router stub is closed');
      const { link, transport } = createMemoryPair(`memory:${++memoryIds}`);
      router.accept(link);
      return transport;
    },
    stats: () => router.stats(),
    close: () => close(),
    closed,
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      reject(toI2cpError(e, 'IO', `cannot listen on ${host}:${port}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

async function loadNames(options: RouterStubOptions, log: Logger): Promise<NameTable> {
  const table = createNameTable();
  if (options.hostsFile !== undefined) {
    let text: string;
    try {
      text = await readFile(options.hostsFile, 'utf8');
    } catch (e) {
      throw toI2cpError(e, 'IO', `cannot read hosts file ${options.hostsFile}`);
    }
    const { entries, problems } = parseHostsFile(text);
    for (const problem of problems) log.warn('hosts file line skipped', { file: options.hostsFile, problem });
    for (const [name, destination] of entries) addName(table, name, destination);
  }
  const hosts: Iterable<[string, Destination]> =
    options.hosts === undefined ? [] : options.hosts instanceof Map ? options.hosts.entries() : Object.entries(options.hosts);
  for (const [name, destination] of hosts) addName(table, name, destination);
  return table;
}
