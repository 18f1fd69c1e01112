/**
 * One client connection: dialect detection, framing, the handshake timer, the batched write path,
 * read back-pressure, and the single error path (Disconnect with a reason, then close).
 */
import { Buffer } from 'node:buffer';
import { isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { FrameDecoder, MESSAGE_PAYLOAD_HEAD_BYTES, PROTOCOL_BYTE, decodeMessage, encodeMessage, messageInfo, writeMessagePayloadHead } from '@i2cp/codec';
import type { Frame, Message } from '@i2cp/codec';
import type { Link } from './link.js';
import type { Router } from './router.js';
import { sendFromFrame } from './send-from-frame.js';
import type { Session } from './session.js';

/** How long a closing connection may take to flush its last frames before it is destroyed. */
const CLOSE_GRACE_MS = 2000;

/**
 * Output parts up to this size are copied into a shared slab, so a batch of small frames leaves as
 * a few large parts; larger ones (payloads) are queued as views. Every part costs the socket a
 * Buffer object and a writev entry, about a microsecond, which is more than copying 4 KiB.
 */
const COPY_LIMIT = 4096;
const SLAB_BYTES = 64 * 1024;

/**
 * The slab every connection copies its small output into, carved from the front as the codec's
 * frame memory is; a connection's consecutive frames stay adjacent and go out as one part. Carved
 * bytes are never reused: a slab lives until the last part cut from it was written.
 */
let slab = newSlab();
let slabUsed = 0;

/** Uninitialised memory (only bytes written are ever sent): zero-filling 64 KiB costs as much as copying into it. */
function newSlab(): Uint8Array {
  const memory = Buffer.allocUnsafeSlow(SLAB_BYTES);
  // A plain view: the parts cut from it are plain views too, which are cheaper to make than Buffers.
  return new Uint8Array(memory.buffer, memory.byteOffset, SLAB_BYTES);
}

type State = 'open' | 'closing' | 'closed';

export class Connection {
  dialect: Dialect | undefined;
  readonly sessions = new Map<number, Session>();
  /** Current dialect: the version string from GetDate (undefined: none sent yet or a very old client). */
  clientVersion: string | undefined;
  authenticated: boolean;
  private state: State = 'open';
  private readonly decoder: FrameDecoder;
  private sawFirstByte = false;
  private handshakeTimer: NodeJS.Timeout | undefined;
  /** Parts queued for the next flush, then the open run of slab bytes this connection is still adding to. */
  private out: Uint8Array[] = [];
  private outBytes = 0;
  private runSlab: Uint8Array | undefined;
  private runStart = 0;
  private runEnd = 0;
  private flushScheduled = false;
  private readonly flushSoon = (): void => {
    try {
      this.flush();
    } catch (e) {
      // Writing failed: the stream is unusable, so no Disconnect can be sent either.
      this.router.countError();
      this.router.log.error('write failed', { connection: this.id, error: e instanceof Error ? e.message : String(e) });
      this.link.destroy();
    }
  };
  private backlog: Frame[] | undefined;
  private backlogBytes = 0;
  private backlogPaused = false;
  private readPauses = 0;
  /** Made on the first admin request; aborted when the connection closes, for the admin handler. */
  private adminClosed: AbortController | undefined;

  readonly id: number;
  readonly link: Link;
  private readonly router: Router;

  constructor(id: number, link: Link, router: Router) {
    this.id = id;
    this.link = link;
    this.router = router;
    const pinned = router.options.dialect;
    this.dialect = pinned === 'auto' ? undefined : pinned;
    this.authenticated = router.auth === undefined;
    this.decoder = new FrameDecoder({ maxMessageBytes: router.options.limits.maxFrameBytes });
    const timeout = router.options.limits.handshakeTimeoutMs;
    this.handshakeTimer = setTimeout(() => {
      this.disconnect(`handshake timeout: no complete message within ${timeout} ms`);
    }, timeout);
    this.handshakeTimer.unref();
    link.attach({
      data: (chunk) => {
        this.onData(chunk);
      },
      drain: () => {
        try {
          this.router.connectionDrained(this);
        } catch (e) {
          this.fail(e);
        }
      },
      error: (error) => {
        this.router.log.debug('socket error', { connection: this.id, error: error.message });
      },
      close: () => {
        this.onClose();
      },
    });
  }

  get remoteAddress(): string {
    return this.link.remoteAddress;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Aborts when this connection closes (the admin handler drops work for it then). */
  get adminSignal(): AbortSignal {
    this.adminClosed ??= new AbortController();
    return this.adminClosed.signal;
  }

  /** Bytes written for this client that it has not read yet. */
  get outputBytes(): number {
    return this.outBytes + this.link.pendingBytes;
  }

  send(message: Message): void {
    this.enqueue(encodeMessage(message, this.dialect ?? 'current'));
  }

  /** Queues frame parts for the next flush (small ones copied, large ones as views the caller must not change). */
  enqueue(...parts: Uint8Array[]): void {
    if (this.state === 'closed') return;
    for (const part of parts) {
      if (part.length <= COPY_LIMIT) {
        // reserve() may start a new slab: read `slab` only after it.
        const at = this.reserve(part.length);
        slab.set(part, at);
      } else {
        this.endRun();
        this.out.push(part);
        this.outBytes += part.length;
      }
    }
    this.scheduleFlush();
  }

  /** Queues a MessagePayload frame, written straight into the output: the delivery path of every message. */
  enqueuePayload(sessionId: number, messageId: number, payload: Uint8Array): void {
    if (this.state === 'closed') return;
    const length = payload.length;
    const copied = length <= COPY_LIMIT;
    const reserved = MESSAGE_PAYLOAD_HEAD_BYTES + (copied ? length : 0);
    const at = this.reserve(reserved);
    try {
      writeMessagePayloadHead(slab, at, sessionId, messageId, length);
    } catch (e) {
      // Out-of-range fields: take the bytes back, so the stream never carries a half-written frame.
      slabUsed -= reserved;
      this.runEnd -= reserved;
      this.outBytes -= reserved;
      throw e;
    }
    if (copied) {
      slab.set(payload, at + MESSAGE_PAYLOAD_HEAD_BYTES);
    } else {
      this.endRun();
      this.out.push(payload);
      this.outBytes += length;
    }
    this.scheduleFlush();
  }

  /** Where in `slab` this connection may write `n` bytes: right after its open run when that is the slab's end. */
  private reserve(n: number): number {
    if (slabUsed + n > SLAB_BYTES) {
      slab = newSlab();
      slabUsed = 0;
    }
    if (this.runSlab !== slab || this.runEnd !== slabUsed) {
      this.endRun();
      this.runSlab = slab;
      this.runStart = slabUsed;
    }
    const at = slabUsed;
    slabUsed += n;
    this.runEnd = slabUsed;
    this.outBytes += n;
    return at;
  }

  /** Closes the open run of slab bytes into a queued part. */
  private endRun(): void {
    const run = this.runSlab;
    if (run === undefined) return;
    this.runSlab = undefined;
    if (this.runEnd > this.runStart) this.out.push(run.subarray(this.runStart, this.runEnd));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flushSoon);
  }

  /**
   * Ends the connection with Disconnect(reason); only this connection is affected. Unless the
   * router ends it in the normal course (shutdown, takeover), it counts as an error in the stats.
   */
  disconnect(reason: string, normal = false): void {
    if (this.state !== 'open') return;
    if (!normal) this.router.countError();
    this.router.log.info('disconnecting client', { connection: this.id, remote: this.remoteAddress, reason });
    this.send({ type: 'Disconnect', reason: reason.length > 255 ? reason.slice(0, 255) : reason });
    this.shutdown();
  }

  /** Ends the connection without a Disconnect (the client asked for it, or the router closes). */
  shutdown(): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.clearHandshakeTimer();
    this.link.pause();
    this.router.connectionEnding(this);
    this.flush();
    this.link.end(CLOSE_GRACE_MS);
  }

  /** Stops reading until as many resumeReading calls as pauseReading calls were made. */
  pauseReading(): void {
    if (this.readPauses++ === 0) this.link.pause();
  }

  resumeReading(): void {
    if (this.readPauses === 0) return;
    if (--this.readPauses === 0 && this.state === 'open') this.link.resume();
  }

  private flush(): void {
    this.flushScheduled = false;
    this.endRun();
    if (this.out.length === 0 || this.state === 'closed') return;
    const parts = this.out;
    this.out = [];
    this.outBytes = 0;
    this.link.write(parts);
    if (this.link.pendingBytes > this.router.options.limits.maxOutputBytesPerConnection) {
      // The client does not read: a Disconnect would only queue behind the backlog it ignores.
      this.router.log.warn('dropping slow reader', { connection: this.id, remote: this.remoteAddress, pendingBytes: this.link.pendingBytes });
      this.router.countError();
      this.state = 'closing';
      this.router.connectionEnding(this);
      this.link.destroy();
    }
  }

  private onData(chunk: Uint8Array): void {
    if (this.state !== 'open') return;
    try {
      let bytes = chunk;
      if (!this.sawFirstByte && bytes.length > 0) {
        this.sawFirstByte = true;
        bytes = this.takeProtocolByte(bytes);
        if (!this.isOpen) return;
      }
      const frames = this.decoder.push(bytes);
      if (frames.length > 0) this.process(frames, 0);
    } catch (e) {
      this.fail(e);
    }
  }

  /** The first byte decides the dialect: 0x2A is the current protocol byte, anything else starts a 2003 frame. */
  private takeProtocolByte(bytes: Uint8Array): Uint8Array {
    const first = bytes[0]!;
    if (this.dialect === undefined) {
      this.dialect = first === PROTOCOL_BYTE ? 'current' : '2003';
    } else if (this.dialect === 'current' && first !== PROTOCOL_BYTE) {
      this.disconnect(`expected the I2CP protocol byte 0x2a, got 0x${first.toString(16).padStart(2, '0')}`);
      return bytes;
    }
    this.router.log.debug('connection dialect', { connection: this.id, dialect: this.dialect });
    return this.dialect === 'current' ? bytes.subarray(1) : bytes;
  }

  private process(frames: Frame[], from: number): void {
    if (this.backlog !== undefined) {
      this.addToBacklog(frames, from);
      return;
    }
    this.clearHandshakeTimer();
    for (let i = from; i < frames.length; i++) {
      if (!this.isOpen) return;
      const pending = this.handleFrame(frames[i]!);
      if (pending !== undefined) {
        // An asynchronous handler (admin) must finish before later frames of this connection run.
        this.backlog = [];
        this.addToBacklog(frames, i + 1);
        pending.then(
          () => {
            this.resumeBacklog();
          },
          (e: unknown) => {
            this.fail(e);
          },
        );
        return;
      }
    }
  }

  /**
   * Frames that arrive while a handler is pending wait here. Reading goes on (so a peer that
   * closes is noticed even while the handler takes its time) until a frame's worth is waiting.
   */
  private addToBacklog(frames: Frame[], from: number): void {
    for (let i = from; i < frames.length; i++) {
      const frame = frames[i]!;
      this.backlog!.push(frame);
      this.backlogBytes += frame.body.length;
    }
    if (!this.backlogPaused && this.backlogBytes > this.router.options.limits.maxFrameBytes) {
      this.backlogPaused = true;
      this.pauseReading();
    }
  }

  private resumeBacklog(): void {
    const backlog = this.backlog ?? [];
    this.backlog = undefined;
    this.backlogBytes = 0;
    if (this.backlogPaused) {
      this.backlogPaused = false;
      this.resumeReading();
    }
    try {
      if (backlog.length > 0) this.process(backlog, 0);
    } catch (e) {
      this.fail(e);
    }
  }

  private handleFrame(frame: Frame): Promise<void> | undefined {
    const dialect = this.dialect ?? 'current';
    // Most frames are sends to the same recipient as the last one; they skip decoding (the result is the same).
    if (dialect === 'current' && this.authenticated && sendFromFrame(this.router, this, frame)) return undefined;
    let message: Message;
    try {
      message = decodeMessage(frame, dialect);
    } catch (e) {
      const name = messageInfo(frame.typeId, dialect)?.name ?? `type ${frame.typeId}`;
      this.disconnect(`malformed ${name} message: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    return this.router.handle(this, message);
  }

  /** The one error path for everything a connection's handlers throw. */
  fail(e: unknown): void {
    const reason = isI2cpError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    if (!isI2cpError(e)) this.router.log.error('handler failed', { connection: this.id, error: reason });
    this.disconnect(reason);
  }

  private onClose(): void {
    if (this.state === 'closed') return;
    if (this.state === 'open') this.router.connectionEnding(this);
    this.state = 'closed';
    this.adminClosed?.abort();
    this.clearHandshakeTimer();
    this.out = [];
    this.outBytes = 0;
    this.runSlab = undefined;
    this.router.connectionClosed(this);
  }

  private clearHandshakeTimer(): void {
    if (this.handshakeTimer === undefined) return;
    clearTimeout(this.handshakeTimer);
    this.handshakeTimer = undefined;
  }
}
