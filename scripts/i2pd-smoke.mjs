// Raw-socket check that a real i2pd speaks I2CP here: starts a private i2pd (or uses --port=N on
// 127.0.0.1), sends the protocol byte, GetDate and GetBandwidthLimits, prints the replies and how
// long start and stop took. Exit code 0 only if both replies arrived intact. Useful in CI logs.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { findI2pd, startI2pd } from './i2pd/launch.mjs';

const REPLY_TIMEOUT_MS = 5_000;
const PROTOCOL_BYTE = 0x2a;
const Type = { GetBandwidthLimits: 8, BandwidthLimits: 23, GetDate: 32, SetDate: 33 };

const portArg = process.argv.find((a) => a.startsWith('--port='));
const ms = (/** @type {bigint} */ from) => (Number(process.hrtime.bigint() - from) / 1e6).toFixed(1);

/** @type {Awaited<ReturnType<typeof startI2pd>> | undefined} */
let router;
let port = Number(portArg?.slice('--port='.length));
if (!portArg) {
  const bin = findI2pd();
  const version = bin && execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 5_000 }).split('\n')[0];
  console.log(`i2pd: ${bin ? `${bin} (${version})` : 'not found'}`);
  const t0 = process.hrtime.bigint();
  router = await startI2pd();
  console.log(`started pid ${router.pid}, I2CP 127.0.0.1:${router.i2cpPort}, NTCP2 ${router.ntcp2Port}: ${ms(t0)} ms until I2CP accepts`);
  port = router.i2cpPort;
}

let ok = false;
try {
  ok = await talk(port);
} catch (error) {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (router) {
    const t0 = process.hrtime.bigint();
    await router.stop();
    console.log(`stopped: ${ms(t0)} ms (SIGTERM until exit)`);
  }
}
process.exitCode = ok ? 0 : 1;

/**
 * @param {number} i2cpPort
 * @returns {Promise<boolean>}
 */
async function talk(i2cpPort) {
  const socket = net.connect({ host: '127.0.0.1', port: i2cpPort, noDelay: true });
  const frames = readFrames(socket);
  try {
    const version = Buffer.from('0.9.62', 'ascii');
    const getDate = Buffer.concat([Buffer.from([version.length]), version]);
    let t0 = process.hrtime.bigint();
    socket.write(Buffer.concat([Buffer.from([PROTOCOL_BYTE]), frame(Type.GetDate, getDate)]));
    const setDate = await frames.next(Type.SetDate);
    const date = setDate.readBigUInt64BE(0);
    const versionLength = setDate[8] ?? 0;
    const echoed = setDate.subarray(9, 9 + versionLength).toString('ascii');
    console.log(`SetDate (${setDate.length} B body) after ${ms(t0)} ms: router time ${new Date(Number(date)).toISOString()} (local skew ${Number(date) - Date.now()} ms), version "${echoed}"`);

    t0 = process.hrtime.bigint();
    socket.write(frame(Type.GetBandwidthLimits, Buffer.alloc(0)));
    const limits = await frames.next(Type.BandwidthLimits);
    const values = Array.from({ length: limits.length / 4 }, (_, i) => limits.readUInt32BE(i * 4));
    console.log(`BandwidthLimits (${limits.length} B body) after ${ms(t0)} ms: [${values.join(', ')}]`);
    return setDate.length === 9 + versionLength && limits.length === 64;
  } finally {
    socket.destroy();
  }
}

/**
 * @param {number} type
 * @param {Buffer} body
 */
function frame(type, body) {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(body.length, 0);
  header[4] = type;
  return Buffer.concat([header, body]);
}

/**
 * Frames from the socket, awaited one by one with the expected type.
 * @param {net.Socket} socket
 */
function readFrames(socket) {
  let pending = Buffer.alloc(0);
  /** @type {{ type: number, body: Buffer }[]} */
  const queue = [];
  /** @type {(() => void) | undefined} */
  let wake;
  /** @type {Error | undefined} */
  let failure;
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 5 && pending.length >= 5 + pending.readUInt32BE(0)) {
      const length = pending.readUInt32BE(0);
      queue.push({ type: pending[4] ?? 0, body: pending.subarray(5, 5 + length) });
      pending = pending.subarray(5 + length);
    }
    wake?.();
  });
  socket.on('error', (error) => {
    failure = error;
    wake?.();
  });
  socket.on('close', () => {
    failure ??= new Error('i2pd closed the connection');
    wake?.();
  });
  return {
    /** @param {number} type */
    async next(type) {
      const deadline = Date.now() + REPLY_TIMEOUT_MS;
      for (;;) {
        const got = queue.shift();
        if (got) {
          if (got.type !== type) throw new Error(`expected message type ${type}, got ${got.type} (${got.body.length} B)`);
          return got.body;
        }
        if (failure) throw failure;
        if (Date.now() > deadline) throw new Error(`no message type ${type} within ${REPLY_TIMEOUT_MS} ms`);
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now() + 1);
          wake = () => {
            clearTimeout(timer);
            resolve(undefined);
          };
        });
      }
    },
  };
}
