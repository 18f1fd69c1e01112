// Part `codec`: how fast @i2cp/codec frames, decodes and encodes the two payload-carrying
// messages, and that decoding does not get dearer with the payload (payloads are views).
// Single process, no I/O: the figures are the codec's own cost per frame.

const KIB = 1024;
const SIZES = [64, KIB, 32 * KIB];
/** Bytes of frames handed to FrameDecoder per push in the "whole chunks" cases. */
const CHUNK_TARGET = 256 * KIB;
/** A typical socket read; frames crossing a read boundary are copied once. */
const SOCKET_READ = 64 * KIB;

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'codec',
  title: 'Codec: framing, decode and encode',
  description: [
    'One process, no I/O, built packages (`packages/codec/dist`, `packages/data/dist`). Each case repeats one',
    'operation for the measured window after a warm-up. "decode" pushes a buffer of back-to-back frames into one',
    '`FrameDecoder` and runs `decodeMessage` on every frame it yields (frames inside the buffer are views, payloads',
    'are views); "decode, 64 KiB reads" cuts the same stream into 64 KiB pieces as a socket would, so frames that',
    'cross a piece are copied once. "encode" is `encodeMessage` (one exact-size frame), "encode parts" the zero-copy',
    '`encodeMessagePayloadParts` / `encodeSendMessageParts` (header and trailer only; the payload is passed through).',
    'SendMessage carries an Ed25519 Destination (391 B). Sizes are payload bytes; MB/s counts payload bytes (10^6 B).',
    'ns/frame is the mean cost of one frame; for decode it should not grow with the payload.',
  ].join(' '),
  async run(context) {
    const codec = await context.loadPackage('codec');
    const data = await context.loadPackage('data');
    if (codec === undefined || data === undefined) return { skipped: 'packages/codec or packages/data is not built (pnpm build)' };
    const { destination } = data.generateDestination();

    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const rows = [];
    /**
     * @param {string} label
     * @param {string} dialect
     * @param {number} size
     * @param {() => number} batch runs a batch, returns the number of frames handled
     */
    const run = async (label, dialect, size, batch) => {
      context.log(`codec: ${label}, ${dialect}, ${size} B`);
      const { frames, seconds } = await measure(batch, context.warmupMs, context.durationMs);
      rows.push({
        case: label,
        dialect,
        payload: size >= KIB ? `${size / KIB} KiB` : `${size} B`,
        'frames/s': Math.round(frames / seconds),
        'MB/s': Number(((frames * size) / seconds / 1e6).toFixed(1)),
        'ns/frame': Math.round((seconds * 1e9) / frames),
      });
    };

    for (const name of ['MessagePayload', 'SendMessage']) {
      for (const dialect of ['current', '2003']) {
        // The 2003 dialect differs only by the nonce; measure it once per message, at the smallest size.
        const sizes = dialect === 'current' ? SIZES : [64];
        for (const size of sizes) {
          const payload = new Uint8Array(size).fill(0x5a);
          const message =
            name === 'MessagePayload'
              ? { type: name, sessionId: 7, messageId: 42, payload }
              : { type: name, sessionId: 7, destination, payload, ...(dialect === 'current' ? { nonce: 1 } : {}) };
          const frame = codec.encodeMessage(message, dialect);
          const perChunk = Math.max(1, Math.floor(CHUNK_TARGET / frame.length));
          const stream = new Uint8Array(frame.length * perChunk);
          for (let i = 0; i < perChunk; i++) stream.set(frame, i * frame.length);

          await run(`${name} decode`, dialect, size, () => decodeAll(codec, [stream], dialect));
          if (dialect === 'current') {
            /** @type {Uint8Array[]} */
            const reads = [];
            for (let at = 0; at < stream.length; at += SOCKET_READ) reads.push(stream.subarray(at, at + SOCKET_READ));
            await run(`${name} decode, 64 KiB reads`, dialect, size, () => decodeAll(codec, reads, dialect));
          }
          await run(`${name} encode`, dialect, size, () => repeat(64, () => codec.encodeMessage(message, dialect)));
          const parts =
            name === 'MessagePayload'
              ? () => codec.encodeMessagePayloadParts(7, 42, payload)
              : () => codec.encodeSendMessageParts(message, dialect);
          await run(`${name} encode parts`, dialect, size, () => repeat(64, parts));
        }
      }
    }
    return rows;
  },
};

/**
 * Pushes every chunk into a fresh FrameDecoder and decodes every frame; returns the frame count.
 * @param {any} codec
 * @param {Uint8Array[]} chunks
 * @param {string} dialect
 */
function decodeAll(codec, chunks, dialect) {
  const decoder = new codec.FrameDecoder();
  let n = 0;
  let sink = 0;
  for (const chunk of chunks) {
    for (const frame of decoder.push(chunk)) {
      sink ^= codec.decodeMessage(frame, dialect).payload.length;
      n++;
    }
  }
  keep(sink);
  return n;
}

/**
 * @param {number} n
 * @param {() => unknown} fn
 */
function repeat(n, fn) {
  for (let i = 0; i < n; i++) keep(fn());
  return n;
}

/** Defeats dead-code elimination of benchmarked results. */
let blackhole = 0;
/** @param {unknown} v */
function keep(v) {
  blackhole = (blackhole + (v === undefined ? 0 : 1)) | 0;
}

/**
 * Runs `batch` for `warmupMs` unmeasured, then for `durationMs`; yields to the event loop between
 * slices so the process stays responsive.
 * @param {() => number} batch
 * @param {number} warmupMs
 * @param {number} durationMs
 */
async function measure(batch, warmupMs, durationMs) {
  const until = (/** @type {bigint} */ end) => {
    let frames = 0;
    while (process.hrtime.bigint() < end) frames += batch();
    return frames;
  };
  until(process.hrtime.bigint() + BigInt(Math.round(warmupMs * 1e6)));
  await new Promise((resolve) => setImmediate(resolve));
  const start = process.hrtime.bigint();
  const frames = until(start + BigInt(Math.round(durationMs * 1e6)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { frames: frames + (blackhole & 0), seconds };
}
