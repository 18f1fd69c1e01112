// Starts the built router stub in a child process (lib/stub-server.mjs) and talks to it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nextMessage, stopProcess } from './load.mjs';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * @typedef {object} StubProcess
 * @property {number} port I2CP port on 127.0.0.1
 * @property {number} pid
 * @property {() => Promise<{ stats: Record<string, number>, memory: NodeJS.MemoryUsage }>} stats
 *   the stub's counters and the process's memory (after a full GC)
 * @property {() => Promise<void>} stop closes the stub; the process exits on its own (a CPU profile
 *   is written then), or is killed after a bound
 */

/**
 * @param {{ options?: Record<string, unknown>, cpuProfileDir?: string }} [settings]
 *   createRouterStub options; a directory for `--cpu-prof` output
 * @returns {Promise<StubProcess>}
 */
export async function startStubProcess(settings = {}) {
  const execArgv = ['--expose-gc'];
  if (settings.cpuProfileDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${settings.cpuProfileDir}`);
  const child = fork(fileURLToPath(new URL('./stub-server.mjs', import.meta.url)), [JSON.stringify(settings.options ?? {})], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  try {
    const { port } = await nextMessage(child, 'listening', START_TIMEOUT_MS);
    return {
      port: Number(port),
      pid: child.pid ?? 0,
      async stats() {
        child.send({ type: 'stats' });
        const reply = await nextMessage(child, 'stats', START_TIMEOUT_MS);
        return /** @type {any} */ (reply);
      },
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.send({ type: 'stop' });
        const timer = setTimeout(() => void stopProcess(child), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}
