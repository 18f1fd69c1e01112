/**
 * The codec against a real router: frames our encoder writes are understood by i2pd 2.45.1, and
 * every frame i2pd sends decodes and re-encodes to exactly the bytes it sent.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { expect, it } from 'vitest';
import { generateDestination, mappingFrom, randomBytes, signSessionConfig, toHex } from '@i2cp/data';
import { describeInterop, useI2pd } from '../../../scripts/i2pd-harness.mjs';
import { FrameDecoder } from '../src/frame.js';
import { decodeMessage, encodeMessage } from '../src/message.js';
import type { Frame, Message } from '../src/messages/types.js';
import { NO_SESSION_ID, PROTOCOL_BYTE } from '../src/messages/types.js';

/** A connection that hands out decoded frames, checking each against its own re-encoding. */
class Conn {
  private readonly decoder = new FrameDecoder();
  private readonly frames: Frame[] = [];
  private waiter: (() => void) | undefined;
  /** Every frame received, as hex, for inspection on failure. */
  readonly received: string[] = [];

  private readonly socket: Socket;

  constructor(socket: Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.decoder.push(new Uint8Array(chunk))) {
        this.frames.push({ typeId: f.typeId, body: f.body.slice() });
        this.received.push(`${f.typeId}: ${toHex(f.body)}`);
      }
      this.waiter?.();
    });
  }

  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port }, () => resolve(new Conn(s)));
      s.once('error', reject);
    });
  }

  send(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** The next frame, decoded; its re-encoding must equal the bytes i2pd sent. */
  async next(timeoutMs = 15_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no frame from i2pd within ${timeoutMs} ms; received: ${this.received.join(' | ')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    const frame = this.frames.shift()!;
    const message = decodeMessage(frame, 'current');
    const original = new Uint8Array(5 + frame.body.length);
    new DataView(original.buffer).setUint32(0, frame.body.length);
    original[4] = frame.typeId;
    original.set(frame.body, 5);
    expect(toHex(encodeMessage(message, 'current'))).toBe(toHex(original));
    return message;
  }

  close(): void {
    this.socket.destroy();
  }
}

describeInterop('codec against i2pd', () => {
  const i2pd = useI2pd({ logLevel: 'warn' });

  it('handshake, lookups and bandwidth limits without a session', async () => {
    const c = await Conn.open(i2pd().i2cpPort);
    try {
      c.send(Uint8Array.of(PROTOCOL_BYTE));
      c.send(encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current'));
      const setDate = await c.next();
      expect(setDate).toMatchObject({ type: 'SetDate', version: '0.9.62' }); // 2.45 echoes the client's version

      c.send(encodeMessage({ type: 'GetBandwidthLimits' }, 'current'));
      expect(await c.next()).toMatchObject({ type: 'BandwidthLimits', dialect: 'current' });

      const hash = randomBytes(32);
      c.send(encodeMessage({ type: 'DestLookup', hash }, 'current'));
      expect(await c.next()).toEqual({ type: 'DestReply', hash });

      c.send(
        encodeMessage(
          { type: 'HostLookup', sessionId: NO_SESSION_ID, requestId: 9, timeoutMs: 1000, key: { kind: 'hostname', hostname: 'nowhere.i2p', withOptions: false } },
          'current',
        ),
      );
      expect(await c.next()).toMatchObject({ type: 'HostReply', requestId: 9, resultCode: 1 });
    } finally {
      c.close();
    }
  });

  it('CreateSession is accepted and the lease-set request decodes', async () => {
    const c = await Conn.open(i2pd().i2cpPort);
    try {
      c.send(Uint8Array.of(PROTOCOL_BYTE));
      c.send(encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current'));
      const setDate = await c.next();
      const keys = generateDestination();
      const options = mappingFrom({ 'inbound.length': '0', 'outbound.length': '0', 'inbound.quantity': '1', 'outbound.quantity': '1' });
      const date = setDate.type === 'SetDate' ? setDate.date : Date.now();
      const config = signSessionConfig({ destination: keys.destination, options, date }, keys.signingPrivateKey, 'current');
      c.send(encodeMessage({ type: 'CreateSession', config }, 'current'));
      const status = await c.next();
      expect(status).toMatchObject({ type: 'SessionStatus', status: 1 });
      const request = await c.next(20_000);
      expect(request).toMatchObject({ type: 'RequestVariableLeaseSet' });
      expect(request.type === 'RequestVariableLeaseSet' && request.leases.length).toBeGreaterThan(0);
    } finally {
      c.close();
    }
  });
});
