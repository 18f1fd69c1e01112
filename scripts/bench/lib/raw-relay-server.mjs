// The raw relay under test (forked): forwards every frame from a sender connection to the receiver
// connection of the same pair (named in the hello), parsing only the length prefix. `batched` corks the receiver around each read so all
// frames of one read leave in one writev; `per-frame` calls write() once per frame (no cork), the
// naive path, for comparison. Back-pressure: a sender is paused while the receiver needs a drain.
import net from 'node:net';
import { FrameReader, HEADER_BYTES, encodeFrame } from './frames.mjs';
import { RawRole, RawType } from './raw-adapter.mjs';

const batched = process.argv[2] !== 'per-frame';
const ACK = encodeFrame(RawType.Hello, new Uint8Array(0));
/** @type {Map<number, net.Socket>} receiver connection by pair */
const receivers = new Map();

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    if (role === RawRole.Receiver && receivers.get(pair) === socket) receivers.delete(pair);
  });
  const reader = new FrameReader();
  let role = 0;
  let pair = 0;
  /** @type {net.Socket | undefined} */
  let receiver;
  /** @param {Buffer} frame */
  const onFrame = (frame) => {
    if (role === 0) {
      if (frame[4] !== RawType.Hello) return void socket.destroy();
      role = frame[HEADER_BYTES] ?? 0;
      pair = frame.length >= HEADER_BYTES + 3 ? frame.readUInt16BE(HEADER_BYTES + 1) : 0;
      if (role === RawRole.Receiver) receivers.set(pair, socket);
      socket.write(ACK);
    } else if (role === RawRole.Sender) {
      receiver ??= receivers.get(pair);
      receiver?.write(frame);
    }
  };
  socket.on('data', (chunk) => {
    const out = role === RawRole.Sender ? (receiver ??= receivers.get(pair)) : undefined;
    if (batched) out?.cork();
    try {
      reader.push(chunk, onFrame);
    } catch {
      socket.destroy();
    }
    if (batched) out?.uncork();
    if (out?.writableNeedDrain && role === RawRole.Sender) {
      socket.pause();
      out.once('drain', () => socket.resume());
    }
  });
});

process.once('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: /** @type {net.AddressInfo} */ (server.address()).port });
});
