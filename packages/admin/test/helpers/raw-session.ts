/**
 * Just enough of a current-dialect I2CP client to push payloads through the router stub and count
 * what arrives: admin may not depend on @i2cp/client, so the test speaks the frames itself.
 */
import { generateDestination, generateEncryptionKeys, mappingFrom, signLeaseSet2, signSessionConfig, type Destination, type DestinationKeys } from '@i2cp/data';
import { decodeMessage, encodeMessage, FrameDecoder, PROTOCOL_BYTE, type Message } from '@i2cp/codec';
import type { Transport } from '../../src/transport.js';

const WAIT_MS = 10_000;

export class RawSession {
  readonly keys: DestinationKeys = generateDestination();
  /** Payload bytes received, with the time (performance.now) each payload arrived. */
  readonly arrivals: { at: number; bytes: number }[] = [];
  private readonly inbox: Message[] = [];
  private wake: (() => void) | undefined;
  private sessionId = -1;

  private readonly transport: Transport;

  private constructor(transport: Transport) {
    this.transport = transport;
    void this.read();
  }

  get destination(): Destination {
    return this.keys.destination;
  }

  static async open(transport: Transport): Promise<RawSession> {
    const session = new RawSession(transport);
    await transport.write(Uint8Array.of(PROTOCOL_BYTE));
    await session.send({ type: 'GetDate', version: '0.9.67' });
    await session.expect('SetDate');
    const config = signSessionConfig(
      { destination: session.keys.destination, options: mappingFrom({ 'i2cp.fastReceive': 'true' }), date: Date.now() },
      session.keys.signingPrivateKey,
      'current',
    );
    await session.send({ type: 'CreateSession', config });
    const status = await session.expect('SessionStatus');
    if (status.status !== 1) throw new Error(`session refused: ${status.status}`);
    session.sessionId = status.sessionId;
    const request = await session.expect('RequestVariableLeaseSet');
    const encryption = generateEncryptionKeys(4);
    const leaseSet = signLeaseSet2(
      {
        destination: session.keys.destination,
        publishedSeconds: Math.floor(Date.now() / 1000),
        expiresOffsetSeconds: 600,
        flags: 0,
        options: new Map(),
        encryptionKeys: [encryption.publicKey],
        leases: request.leases.map((l) => ({ gateway: l.gateway, tunnelId: l.tunnelId, endSeconds: Math.floor(l.endDate / 1000) })),
      },
      session.keys.signingPrivateKey,
    );
    await session.send({ type: 'CreateLeaseSet2', sessionId: session.sessionId, store: { storeType: 3, leaseSet }, privateKeys: [encryption.privateKey] });
    // A round trip proves the router has processed the lease set.
    await session.send({ type: 'GetBandwidthLimits' });
    await session.expect('BandwidthLimits');
    return session;
  }

  /** Resolves when the transport takes the frame (back-pressure from the router shows here). */
  sendPayload(to: Destination, payload: Uint8Array): Promise<void> {
    return this.send({ type: 'SendMessage', sessionId: this.sessionId, destination: to, payload, nonce: 0 });
  }

  receivedBetween(from: number, to: number): number {
    return this.arrivals.filter((a) => a.at >= from && a.at < to).reduce((n, a) => n + a.bytes, 0);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private send(message: Message): Promise<void> {
    return this.transport.write(encodeMessage(message, 'current'));
  }

  private async expect<T extends Message['type']>(type: T): Promise<Extract<Message, { type: T }>> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Message, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no ${type} within ${WAIT_MS} ms (have ${this.inbox.map((m) => m.type).join(', ')})`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  private async read(): Promise<void> {
    const decoder = new FrameDecoder({ maxMessageBytes: 1 << 20 });
    try {
      for await (const chunk of this.transport) {
        for (const frame of decoder.push(chunk)) {
          const message = decodeMessage(frame, 'current');
          if (message.type === 'MessagePayload') this.arrivals.push({ at: performance.now(), bytes: message.payload.length });
          else this.inbox.push(message);
          this.wake?.();
        }
      }
    } catch {
      // The test sees a closed session as missing messages.
    }
  }
}
