import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { main } from '../src/main.js';

/** The built CLI: end-to-end tests run exactly what `pnpm i2cp` and the installed binary run. */
export const CLI = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'pnpm --filter @i2cp/cli build' first`);

export interface Running {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the first stdout or stderr line matching, rejects on exit or after the bound. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (signals count as 128 + n), rejects after the bound. */
  exited(timeoutMs?: number): Promise<number>;
}

const running = new Set<ChildProcess>();

/** Starts `node dist/index.js …args`; every process is remembered so killAll() can end it by PID. */
export function start(args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const exit = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? 128 + (signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 9));
    });
  });
  const r: Running = {
    child,
    stdout: '',
    stderr: '',
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const m = pattern.exec(r.stdout) ?? pattern.exec(r.stderr);
          if (m === null) return false;
          cleanup();
          resolve(m);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms; stdout: ${r.stdout}\nstderr: ${r.stderr}`));
        }, timeoutMs);
        const onExit = (): void => {
          if (!check()) {
            cleanup();
            reject(new Error(`exited before ${String(pattern)}; stdout: ${r.stdout}\nstderr: ${r.stderr}`));
          }
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.stderr.off('data', check);
          child.off('exit', onExit);
        };
        if (check()) return;
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        child.on('exit', onExit);
      });
    },
    async exited(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`still running after ${timeoutMs} ms: ${args.join(' ')}; stdout: ${r.stdout}\nstderr: ${r.stderr}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exit, bound]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
  child.stdout.setEncoding('utf8').on('data', (s: string) => (r.stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (r.stderr += s));
  return r;
}

/** Runs a command to its end. */
export async function run(args: readonly string[], env: Record<string, string> = {}, input?: string | Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = start(args, env);
  r.child.stdin?.end(input);
  const code = await r.exited();
  return { code, stdout: r.stdout, stderr: r.stderr };
}

export function killAll(): void {
  for (const child of running) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  running.clear();
}

/** Starts `i2cp router --port 0 …` and returns the port from its one line. */
export async function startRouter(extra: readonly string[] = [], env: Record<string, string> = {}): Promise<{ router: Running; port: number }> {
  const router = start(['router', '--port', '0', ...extra], env);
  const m = await router.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
  return { router, port: Number(m[1]) };
}

/** A port that was free a moment ago (for commands that need a fixed --listen port). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

/** main() in this process, with stdout and stderr captured. */
export async function runMain(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
