// Common start of the forked load processes: wait for the parent's 'open', connect through the
// adapter, feed incoming frames to it, and exit when the parent goes away.
import { FrameReader, bodyOf } from './frames.mjs';

/**
 * @typedef {{ type: 'open', adapterUrl: string, options: Record<string, unknown>, size?: number,
 *   rate?: number, warmupMs?: number, durationMs?: number }} OpenCommand
 */

/**
 * @param {'sender' | 'receiver'} role
 * @param {(endpoint: import('./load.mjs').LoadEndpoint, command: OpenCommand) => (type: number, body: Buffer) => void} start
 *   called once connected; returns the handler for every incoming frame. The parent hears 'ready'
 *   (with the endpoint's address) after it.
 */
export function runLoadProcess(role, start) {
  process.once('disconnect', () => process.exit(0));
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
  /** @type {{ open(role: string, options: Record<string, unknown>): Promise<import('./load.mjs').LoadEndpoint> }} */
  const adapter = await import(command.adapterUrl);
  const endpoint = await adapter.open(role, command.options);
  endpoint.socket.setNoDelay(true);
  const onFrame = start(endpoint, command);
  const reader = new FrameReader();
  const onReaderFrame = (/** @type {Buffer} */ frame) => onFrame(frame[4] ?? 0, bodyOf(frame));
  const onData = (/** @type {Buffer} */ chunk) => {
    try {
      reader.push(chunk, onReaderFrame);
    } catch (error) {
      fail(error);
    }
  };
  if (endpoint.leftover?.length) onData(endpoint.leftover);
  endpoint.socket.on('data', onData);
  endpoint.socket.on('error', (error) => fail(error));
  process.send?.({ type: 'ready', address: endpoint.address });
}

/** @param {unknown} error */
export function fail(error) {
  process.send?.({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
}
