import { createServer, connect as tcpConnect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { I2cpError, concatBytes, isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { FrameDecoder, PROTOCOL_BYTE, decodeMessage, describe, messageInfo } from '@i2cp/codec';
import type { Frame } from '@i2cp/codec';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { intOpt, parseDialect, parseHostPort, stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import { framesUntilBroken } from '../frames.js';
import type { Output } from '../output.js';
import { onInterrupt } from '../signals.js';

export const proxySpec: CommandSpec = {
  name: 'proxy',
  summary: 'Sit between a client and a router and print every message both ways; the bytes pass through unchanged.',
  usage: 'i2cp proxy --listen PORT --to HOST:PORT [--dialect auto|2003|current] [--json]',
  options: {
    listen: { type: 'string', short: 'l', value: 'PORT', description: 'local port for clients to connect to (127.0.0.1)' },
    to: { type: 'string', value: 'HOST:PORT', description: 'the router to forward to' },
    dialect: { type: 'string', value: 'auto|2003|current', default: 'auto', description: 'auto: 0x2A first byte = current' },
    json: { type: 'boolean', description: 'print JSON lines' },
    quiet: { type: 'boolean', short: 'q', description: 'no connection notices' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['i2cp router --port 7655 &  i2cp proxy --listen 7654 --to 127.0.0.1:7655'],
};

type Direction = 'client→router' | 'router→client';

const EMPTY = new Uint8Array(0);

/**
 * Watches one direction of one connection. Decoding never touches the forwarded bytes. A message
 * that does not decode is reported and skipped; a stream that stops framing is reported once,
 * after the messages before the break, and then only forwarded.
 */
class Tap {
  private decoder: FrameDecoder | undefined;
  private dialect: Dialect | undefined;
  /** The stream bytes the decoder holds (an incomplete frame), kept to replay them if framing breaks. */
  private tail: Uint8Array = EMPTY;
  private index = 0;
  private broken = false;

  private readonly connection: number;
  private readonly direction: Direction;
  private readonly out: Output;
  private readonly getDialect: () => Dialect | undefined;

  constructor(connection: number, direction: Direction, out: Output, getDialect: () => Dialect | undefined) {
    this.connection = connection;
    this.direction = direction;
    this.out = out;
    this.getDialect = getDialect;
  }

  observe(chunk: Uint8Array): void {
    if (this.broken) return;
    if (this.decoder === undefined) {
      this.dialect = this.getDialect();
      if (this.dialect === undefined) return;
      this.decoder = new FrameDecoder();
    }
    const input = this.tail.length > 0 ? concatBytes([this.tail, chunk]) : chunk;
    let frames: Frame[];
    let failure: unknown;
    try {
      frames = this.decoder.push(chunk);
      this.tail = this.decoder.buffered > 0 ? input.slice(input.length - this.decoder.buffered) : EMPTY;
    } catch (e) {
      frames = framesUntilBroken(input).frames;
      failure = e;
    }
    for (const frame of frames) this.show(frame, this.dialect!);
    if (failure !== undefined) {
      this.out.warn(`[${this.connection}] ${this.direction}: cannot decode any further (${failure instanceof Error ? failure.message : 'the bytes stop framing'}); forwarding only`);
      this.broken = true;
      this.tail = EMPTY;
    }
  }

  private show(frame: Frame, dialect: Dialect): void {
    const name = `${messageInfo(frame.typeId, dialect)?.name ?? 'unknown'}(${frame.typeId})`;
    const where = `[${this.connection}] ${this.direction} #${this.index}`;
    try {
      const d = describe(decodeMessage(frame, dialect), dialect);
      this.out.data(`${where} ${name} ${JSON.stringify(d)}`, { connection: this.connection, direction: this.direction, index: this.index, typeId: frame.typeId, message: d });
    } catch (e) {
      if (!isI2cpError(e)) throw e;
      this.out.warn(`${where} ${name}: ${e.message} [${e.code}]`);
    }
    this.index++;
  }
}

/** Returns the socket to the router, so stopping the proxy can close both ends. */
function pipeConnection(client: Socket, target: { host: string; port: number }, pinned: Dialect | undefined, out: Output, id: number): Socket {
  const router = tcpConnect(target);
  client.setNoDelay(true);
  router.setNoDelay(true);
  let dialect = pinned;
  const c2r = new Tap(id, 'client→router', out, () => dialect);
  const r2c = new Tap(id, 'router→client', out, () => dialect);
  let sawFirst = false;

  client.on('data', (chunk: Buffer) => {
    if (!router.write(chunk)) client.pause();
    let view: Uint8Array = chunk;
    if (!sawFirst) {
      sawFirst = true;
      dialect ??= chunk[0] === PROTOCOL_BYTE ? 'current' : '2003';
      if (dialect === 'current' && chunk[0] === PROTOCOL_BYTE) {
        out.data(`[${id}] client→router protocol byte 0x2a`, { connection: id, direction: 'client→router', protocolByte: PROTOCOL_BYTE });
        view = chunk.subarray(1);
      }
    }
    c2r.observe(view);
  });
  router.on('data', (chunk: Buffer) => {
    if (!client.write(chunk)) router.pause();
    r2c.observe(chunk);
  });
  router.on('drain', () => client.resume());
  client.on('drain', () => router.resume());
  const end = (who: string) => (err?: Error) => {
    out.info(`[${id}] ${who} closed${err ? ` (${err.message})` : ''}`);
    client.destroy();
    router.destroy();
  };
  client.on('close', end('client'));
  router.on('close', end('router'));
  client.on('error', () => undefined);
  router.on('error', (e) => {
    out.warn(`[${id}] router connection: ${e.message}`);
  });
  return router;
}

export async function runProxy(args: ParsedArgs, out: Output): Promise<number> {
  const listen = intOpt(args, 'listen', -1, 1, 65535);
  if (listen < 0) throw usageError('--listen PORT is required');
  const toText = stringOpt(args, 'to');
  if (toText === undefined) throw usageError('--to HOST:PORT is required');
  const target = parseHostPort(toText);
  const d = parseDialect(stringOpt(args, 'dialect'), true);
  const pinned = d === 'auto' ? undefined : d;
  const interrupt = onInterrupt();
  let next = 0;
  const open = new Set<Socket>();
  const track = (s: Socket): void => {
    open.add(s);
    s.on('close', () => open.delete(s));
  };
  const server: Server = createServer((socket) => {
    const id = next++;
    out.info(`[${id}] client connected from ${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`);
    track(socket);
    track(pipeConnection(socket, target, pinned, out, id));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => {
        reject(new I2cpError('IO', `cannot listen on 127.0.0.1:${listen}: ${e.message}`));
      });
      server.listen(listen, '127.0.0.1', resolve);
    });
    out.notice(`proxy listening on 127.0.0.1:${listen}, forwarding to ${target.host}:${target.port}`);
    await interrupt.interrupted;
  } finally {
    interrupt.dispose();
    server.close();
    for (const s of open) s.destroy();
  }
  return 0;
}
