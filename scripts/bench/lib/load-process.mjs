// Common start of the forked load processes: wait for the parent's 'open', open one endpoint per
// pair through the adapter, feed incoming frames (frame-level endpoints) to it, and exit when the
// parent goes away.
import { FrameReader, bodyOf } from './frames.mjs';

/**
 * @typedef {{ type: 'open', adapterUrl: string, options: Record<string, unknown>, pairs?: number,
 *   to?: unknown[], size?: number, rate?: number, warmupMs?: number, durationMs?: number }} OpenCommand
 * @typedef {import('./load.mjs').LoadEndpoint} LoadEndpoint
 */

// Sessions opened at once per process: all of them up to 100 pairs (i2pd takes 2–12 s to ask for
// each lease set, so opening them in turn would take minutes).
const OPEN_CONCURRENCY = 100;

/**
 * @param {'sender' | 'receiver'} role
 * @param {(endpoints: LoadEndpoint[], command: OpenCommand) => (endpoint: LoadEndpoint, type: number, body: Buffer) => void} start
 *   called once every endpoint is connected; returns the handler for every incoming frame of a
 *   frame-level endpoint. The parent hears 'ready' (with the endpoints' addresses) after it.
 */
export function runLoadProcess(role, start) {
  process.once('disconnect', () => process.exit(0));
  // A normal exit on SIGTERM, so a load process run with --cpu-prof (inherited from the parent's
  // execArgv) writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  process.on('message', (/** @type {any} */ command) => {
    if (command?.type !== 'open') return;
    void open(role, command, start).catch((/** @type {unknown} */ error) => fail(error));
  });
}

/**
 * @param {'sender' | 'receiver'} role
 * @param {OpenCommand} command
 * @param {Parameters<typeof runLoadProcess>[1]} start
 */
async function open(role, command, start) {
  /** @type {{ open(role: string, options: Record<string, unknown>): Promise<LoadEndpoint> }} */
  const adapter = await import(command.adapterUrl);
  const pairs = Math.max(1, command.pairs ?? 1);
  /** @type {LoadEndpoint[]} */
  const endpoints = new Array(pairs);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pairs; i = next++) {
      endpoints[i] = await adapter.open(role, { ...command.options, pair: i, to: command.to?.[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(pairs, OPEN_CONCURRENCY) }, worker));
  const onFrame = start(endpoints, command);
  for (const endpoint of endpoints) {
    const { socket } = endpoint;
    if (socket === undefined) continue;
    socket.setNoDelay(true);
    const reader = new FrameReader();
    const onReaderFrame = (/** @type {Buffer} */ frame) => onFrame(endpoint, frame[4] ?? 0, bodyOf(frame));
    const onData = (/** @type {Buffer} */ chunk) => {
      try {
        reader.push(chunk, onReaderFrame);
      } catch (error) {
        fail(error);
      }
    };
    if (endpoint.leftover?.length) onData(endpoint.leftover);
    socket.on('data', onData);
    socket.on('error', (error) => fail(error));
  }
  process.send?.({ type: 'ready', addresses: endpoints.map((e) => e.address) });
}

/** @param {unknown} error */
export function fail(error) {
  process.send?.({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
}
