// Load generation shared by every throughput benchmark: a sender process and a receiver process
// (child_process.fork, so the system under test competes with real peers, not with its own load)
// talk to whatever is being measured through an *adapter* module:
//
//   export async function open(role, options): Promise<LoadEndpoint>
//
// The raw relay adapter speaks bare frames; an I2CP adapter does the handshake and session set-up
// in open() and then maps payloads to SendMessage / MessagePayload frames. The processes only
// stamp, send, recognise and time payloads.
//
// Payload layout (every size ≥ 9 bytes): [0,8) send time, process.hrtime.bigint() ns (monotonic,
// shared by all processes on the machine); [8] kind: 0 warm-up, 1 measured, 2 end of run.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Histogram } from './histogram.mjs';

/**
 * An endpoint is frame-level (socket + template + onFrame: hand-built frames, the load process
 * writes and reads the socket itself) or message-level (send + subscribe: a client library owns
 * the socket, as an application would use it).
 * @typedef {object} LoadEndpoint
 * @property {import('node:net').Socket} [socket] frame-level: connected and ready (handshake done)
 * @property {Buffer} [leftover] bytes read during open() that belong to later frames
 * @property {unknown} [address] receiver only: passed to the sender as `options.to`
 * @property {(payloadSize: number) => { bytes: Buffer, payloadOffset: number }} [template]
 *   sender only: one complete frame carrying a payload of that size at payloadOffset
 * @property {(type: number, body: Buffer) => Buffer | undefined} [onFrame]
 *   every frame that arrives; returns the delivered payload (receiver), or undefined after handling
 *   it (e.g. answering a lease-set request or ignoring a status)
 * @property {(payload: Buffer) => Promise<unknown>} [send] message-level sender: resolves when the
 *   library is ready for more (written, or the status it waits for arrived)
 * @property {number} [window] message-level sender: sends kept in flight when saturating
 * @property {(onPayload: (payload: Uint8Array) => void) => void} [subscribe] message-level receiver
 */

export const PAYLOAD_MIN_BYTES = 9;
export const Kind = { Warmup: 0, Measured: 1, End: 2 };

// Session set-up on a real router waits for tunnels: i2pd asks for the lease set 2–12 s in.
const READY_TIMEOUT_MS = 40_000;
const DRAIN_TIMEOUT_MS = 15_000;
const EXIT_GRACE_MS = 2_000;

/**
 * @typedef {object} LoadCase
 * @property {URL} adapter module implementing open(role, options)
 * @property {Record<string, unknown>} receiverOptions
 * @property {Record<string, unknown>} senderOptions
 * @property {number} size payload bytes per message (≥ 9)
 * @property {number} [rate] messages per second over all pairs; 0 or absent: as fast as back-pressure allows
 * @property {number} [pairs] sender/receiver pairs (sessions in each of the two processes); default 1
 * @property {number} warmupMs
 * @property {number} durationMs
 */

/**
 * @typedef {object} LoadResult
 * @property {number} sent measured messages sent
 * @property {number} received measured messages received
 * @property {number} msgsPerSec
 * @property {number} megabytesPerSec payload MB (10^6 B) per second
 * @property {number} p50Ms
 * @property {number} p99Ms
 * @property {number} p999Ms
 * @property {boolean} complete the end-of-run marker arrived
 * @property {number} measuredFromNs start of the sender's measured window, `process.hrtime` ns
 *   (CLOCK_MONOTONIC, the clock of V8's CPU profiles too)
 * @property {number} measuredToNs its end
 */

/**
 * Runs one case: receiver first (so the sender knows its address), then the sender for
 * warm-up + duration once it is ready; both processes are stopped before this resolves or rejects.
 * @param {LoadCase} loadCase
 * @returns {Promise<LoadResult>}
 */
export async function runLoadCase(loadCase) {
  if (loadCase.size < PAYLOAD_MIN_BYTES) throw new RangeError(`payload size must be ≥ ${PAYLOAD_MIN_BYTES}`);
  const adapterUrl = loadCase.adapter.href;
  const receiver = forkLoadProcess('load-receiver.mjs');
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let sender;
  try {
    const pairs = loadCase.pairs ?? 1;
    receiver.send({ type: 'open', adapterUrl, options: loadCase.receiverOptions, pairs });
    const ready = await nextMessage(receiver, 'ready', READY_TIMEOUT_MS);
    sender = forkLoadProcess('load-sender.mjs');
    sender.send({
      type: 'open',
      adapterUrl,
      options: loadCase.senderOptions,
      to: ready['addresses'],
      pairs,
      size: loadCase.size,
      rate: loadCase.rate ?? 0,
      warmupMs: loadCase.warmupMs,
      durationMs: loadCase.durationMs,
    });
    await nextMessage(sender, 'ready', READY_TIMEOUT_MS);
    const done = await nextMessage(sender, 'done', DRAIN_TIMEOUT_MS + loadCase.warmupMs + loadCase.durationMs);
    const result = await nextMessage(receiver, 'result', DRAIN_TIMEOUT_MS).catch(async () => {
      receiver.send({ type: 'report' });
      return nextMessage(receiver, 'result', EXIT_GRACE_MS);
    });
    const histogram = Histogram.fromJSON(/** @type {any} */ (result['histogram']));
    const received = /** @type {number} */ (result['count']);
    const seconds = /** @type {number} */ (result['windowNs']) / 1e9;
    return {
      sent: /** @type {number} */ (done['measuredSent']),
      received,
      msgsPerSec: received / seconds,
      megabytesPerSec: /** @type {number} */ (result['bytes']) / seconds / 1e6,
      p50Ms: histogram.quantile(0.5) / 1e6,
      p99Ms: histogram.quantile(0.99) / 1e6,
      p999Ms: histogram.quantile(0.999) / 1e6,
      complete: result['complete'] === true,
      measuredFromNs: Number(done['measuredFromNs']),
      measuredToNs: Number(done['measuredToNs']),
    };
  } finally {
    await Promise.all([stopProcess(receiver), sender && stopProcess(sender)]);
  }
}

/**
 * Runs the case `times` times and keeps the best run (saturating: highest rate; paced: lowest p99):
 * on a shared machine the best run is the closest to what the system under test can do.
 * @param {number} times
 * @param {LoadCase} loadCase
 * @returns {Promise<LoadResult>}
 */
export async function runBestOf(times, loadCase) {
  let best = await runLoadCase(loadCase);
  for (let i = 1; i < times; i++) {
    const next = await runLoadCase(loadCase);
    const better = loadCase.rate ? next.p99Ms < best.p99Ms : next.msgsPerSec > best.msgsPerSec;
    if (better) best = next;
  }
  return best;
}

/** @param {string} file */
function forkLoadProcess(file) {
  const child = fork(fileURLToPath(new URL(`./${file}`, import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  inboxOf(child);
  return child;
}

/**
 * Messages from a child are kept from the moment it is forked, so a reply that comes before
 * anyone waits for it is not lost.
 * @typedef {{ messages: any[], exited: boolean, wake: Set<() => void> }} Inbox
 * @type {WeakMap<import('node:child_process').ChildProcess, Inbox>}
 */
const inboxes = new WeakMap();

/** @param {import('node:child_process').ChildProcess} child */
function inboxOf(child) {
  let inbox = inboxes.get(child);
  if (inbox === undefined) {
    const created = /** @type {Inbox} */ ({ messages: [], exited: false, wake: new Set() });
    child.on('message', (message) => {
      created.messages.push(message);
      for (const wake of created.wake) wake();
    });
    child.once('exit', () => {
      created.exited = true;
      for (const wake of created.wake) wake();
    });
    inboxes.set(child, created);
    inbox = created;
  }
  return inbox;
}

/**
 * The next message of that type from a child process (forked by this module, or watched from its
 * fork on through this function); an 'error' message or the child's exit rejects.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} type
 * @param {number} timeoutMs
 * @returns {Promise<Record<string, unknown>>}
 */
export function nextMessage(child, type, timeoutMs) {
  const inbox = inboxOf(child);
  return new Promise((resolve, reject) => {
    /** @param {Error | undefined} error @param {Record<string, unknown>} [message] */
    const finish = (error, message) => {
      clearTimeout(timer);
      inbox.wake.delete(check);
      if (error) reject(error);
      else resolve(message ?? {});
    };
    const check = () => {
      const failure = inbox.messages.find((m) => m?.type === 'error');
      if (failure) return finish(new Error(`load process failed: ${failure.message}`));
      const index = inbox.messages.findIndex((m) => m?.type === type);
      if (index >= 0) return finish(undefined, inbox.messages.splice(index, 1)[0]);
      if (inbox.exited) finish(new Error(`load process exited before sending '${type}'`));
    };
    const timer = setTimeout(() => finish(new Error(`no '${type}' from load process within ${timeoutMs} ms`)), timeoutMs);
    inbox.wake.add(check);
    check();
  });
}

/**
 * SIGTERM, then SIGKILL after a bound; resolves once the process is gone.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
export async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
