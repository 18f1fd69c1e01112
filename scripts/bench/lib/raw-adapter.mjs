// Load adapter for the raw relay: a hello frame naming the role, the relay's acknowledgement,
// then bare data frames whose body is the payload. The hello carries the pair number (2 bytes), so
// the relay forwards sender n to receiver n.
import net from 'node:net';
import { HEADER_BYTES, encodeFrame } from './frames.mjs';

export const RawType = { Hello: 0, Data: 31 };
export const RawRole = { Receiver: 1, Sender: 2 };
const HELLO_TIMEOUT_MS = 5_000;

/**
 * @param {'sender' | 'receiver'} role
 * @param {{ port?: unknown, pair?: unknown }} options the relay's port on 127.0.0.1, the pair number
 * @returns {Promise<import('./load.mjs').LoadEndpoint>}
 */
export async function open(role, options) {
  const socket = net.connect({ host: '127.0.0.1', port: Number(options.port), noDelay: true });
  const pair = Number(options.pair ?? 0);
  socket.write(encodeFrame(RawType.Hello, Uint8Array.of(role === 'receiver' ? RawRole.Receiver : RawRole.Sender, pair >> 8, pair & 0xff)));
  const leftover = await acknowledged(socket);
  return {
    socket,
    leftover,
    template: (size) => ({ bytes: encodeFrame(RawType.Data, new Uint8Array(size)), payloadOffset: HEADER_BYTES }),
    onFrame: (type, body) => (type === RawType.Data ? body : undefined),
  };
}

/**
 * Waits for the relay's hello (an empty Hello frame); resolves with whatever followed it.
 * @param {net.Socket} socket
 * @returns {Promise<Buffer>}
 */
function acknowledged(socket) {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error('relay did not acknowledge the hello')), HELLO_TIMEOUT_MS);
    /** @param {Error | undefined} error */
    const finish = (error) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', finish);
      if (error) reject(error);
      else resolve(received.subarray(HEADER_BYTES));
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < HEADER_BYTES) return;
      const isHello = received.readUInt32BE(0) === 0 && received[4] === RawType.Hello;
      finish(isHello ? undefined : new Error('relay answered the hello with something else'));
    };
    socket.on('data', onData);
    socket.once('error', finish);
  });
}
