// Load adapter speaking current-dialect I2CP with hand-built frames, so a benchmark measures the
// router and not a client library: protocol byte, GetDate, CreateSession (Ed25519 + ElGamal
// destination, zero-hop tunnels), an LS1 through CreateLeaseSet for every RequestVariableLeaseSet,
// then SendMessage (nonce 0: the router sends no status) and MessagePayload. Structures and
// signatures come from the built @i2cp/data (packages/data/dist).
//
// Options: { port } the router's I2CP port on 127.0.0.1; the sender also gets { to }, the
// receiver's destination as hex (its `address`).
import net from 'node:net';
import { FrameReader, HEADER_BYTES, bodyOf, encodeFrame } from './frames.mjs';

/** @type {any} built @i2cp/data; absent until `pnpm build`, so not typed here */
const data = await import(new URL('../../../packages/data/dist/index.js', import.meta.url).href);

const PROTOCOL_BYTE = 0x2a;
const Type = {
  CreateSession: 1,
  CreateLeaseSet: 4,
  SendMessage: 5,
  SessionStatus: 20,
  MessageStatus: 22,
  MessagePayload: 31,
  GetDate: 32,
  SetDate: 33,
  RequestVariableLeaseSet: 37,
};
const SESSION_CREATED = 1;
const SETUP_TIMEOUT_MS = 30_000;
// CreateLeaseSet carries a 20-byte signing private key field whatever the signature type; routers
// ignore its content (they never revoke), so it stays zero and the real key never leaves us.
const LEGACY_SIGNING_KEY_BYTES = 20;
const SESSION_OPTIONS = {
  'inbound.length': '0',
  'outbound.length': '0',
  'inbound.quantity': '1',
  'outbound.quantity': '1',
  'i2cp.fastReceive': 'true',
};

/**
 * @param {'sender' | 'receiver'} role
 * @param {{ port?: unknown, to?: unknown }} options
 * @returns {Promise<import('./load.mjs').LoadEndpoint>}
 */
export async function open(role, options) {
  const socket = net.connect({ host: '127.0.0.1', port: Number(options.port), noDelay: true });
  const setup = setupFrames(socket);
  try {
    const version = new TextEncoder().encode('0.9.62');
    socket.write(Buffer.concat([Buffer.of(PROTOCOL_BYTE), encodeFrame(Type.GetDate, Buffer.concat([Buffer.of(version.length), version]))]));
    await setup.next(Type.SetDate);

    const keys = data.generateDestination({ sigType: 7, encType: 0 });
    const config = data.signSessionConfig(
      { destination: keys.destination, options: data.mappingFrom(SESSION_OPTIONS) },
      keys.signingPrivateKey,
      'current',
    );
    socket.write(encodeFrame(Type.CreateSession, data.encode((/** @type {unknown} */ w, /** @type {unknown} */ v) => data.writeSessionConfig(w, v, 'current'), config)));
    const status = await setup.next(Type.SessionStatus);
    if (status[2] !== SESSION_CREATED) throw new Error(`CreateSession refused with status ${status[2]}`);
    const sessionId = status.readUInt16BE(0);
    /** @param {Buffer} request */
    const answerLeaseSetRequest = (request) => socket.write(createLeaseSet(sessionId, keys, request));
    answerLeaseSetRequest(await setup.next(Type.RequestVariableLeaseSet));

    const destination = Buffer.from(keys.destination.bytes);
    return {
      socket,
      leftover: setup.finish(),
      address: destination.toString('hex'),
      template: (size) => sendMessageTemplate(sessionId, Buffer.from(String(options.to), 'hex'), size),
      onFrame: (type, body) => {
        if (type === Type.MessagePayload) return body.subarray(10);
        if (type === Type.RequestVariableLeaseSet) answerLeaseSetRequest(body);
        return undefined;
      },
    };
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

/**
 * CreateLeaseSet body: SessionId, 20-byte signing private key field, ElGamal private key, LS1
 * with the leases the router asked for, signed by the destination.
 * @param {number} sessionId
 * @param {any} keys DestinationKeys of @i2cp/data
 * @param {Buffer} request RequestVariableLeaseSet body
 */
function createLeaseSet(sessionId, keys, request) {
  const count = request[2] ?? 0;
  const leases = Array.from({ length: count }, (_, i) => {
    const at = 3 + i * 44;
    return {
      gateway: request.subarray(at, at + 32),
      tunnelId: request.readUInt32BE(at + 32),
      endDate: Number(request.readBigUInt64BE(at + 36)),
    };
  });
  const leaseSet = data.signLeaseSet(
    { destination: keys.destination, encryptionKey: keys.destination.publicKey, signingKey: keys.destination.signingPublicKey, leases },
    keys.signingPrivateKey,
  );
  const id = Buffer.alloc(2);
  id.writeUInt16BE(sessionId);
  return encodeFrame(
    Type.CreateLeaseSet,
    Buffer.concat([id, Buffer.alloc(LEGACY_SIGNING_KEY_BYTES), keys.privateKey.bytes, data.encode(data.writeLeaseSet, leaseSet)]),
  );
}

/**
 * SendMessage: SessionId, Destination, Payload (4-byte length + bytes), nonce 0.
 * @param {number} sessionId
 * @param {Buffer} to
 * @param {number} size
 */
function sendMessageTemplate(sessionId, to, size) {
  const body = Buffer.alloc(2 + to.length + 4 + size + 4);
  body.writeUInt16BE(sessionId, 0);
  to.copy(body, 2);
  body.writeUInt32BE(size, 2 + to.length);
  return { bytes: encodeFrame(Type.SendMessage, body), payloadOffset: HEADER_BYTES + 2 + to.length + 4 };
}

/**
 * Frames during set-up, awaited by type (others, e.g. an early MessageStatus, are dropped).
 * @param {net.Socket} socket
 */
function setupFrames(socket) {
  const reader = new FrameReader();
  /** @type {{ type: number, body: Buffer, frame: Buffer }[]} */
  const queue = [];
  /** @type {Error | undefined} */
  let failure;
  /** @type {(() => void) | undefined} */
  let wake;
  const onData = (/** @type {Buffer} */ chunk) => {
    reader.push(chunk, (frame) => queue.push({ type: frame[4] ?? 0, body: bodyOf(frame), frame }));
    wake?.();
  };
  const onEnd = (/** @type {Error | undefined} */ error) => {
    failure = error ?? new Error('router closed the connection during set-up');
    wake?.();
  };
  socket.on('data', onData);
  socket.on('error', onEnd);
  socket.on('close', () => onEnd(undefined));
  const deadline = Date.now() + SETUP_TIMEOUT_MS;
  return {
    /** @param {number} type */
    async next(type) {
      for (;;) {
        const index = queue.findIndex((f) => f.type === type);
        if (index >= 0) return /** @type {{ body: Buffer }} */ (queue.splice(index, 1)[0]).body;
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`no I2CP message type ${type} within ${SETUP_TIMEOUT_MS} ms`);
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now() + 1);
          wake = () => {
            clearTimeout(timer);
            resolve(undefined);
          };
        });
      }
    },
    /** Stops listening; returns unread frames' bytes for the caller's own reader. */
    finish() {
      socket.off('data', onData);
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      return Buffer.concat([...queue.map((f) => f.frame), reader.takeRest()]);
    },
  };
}
