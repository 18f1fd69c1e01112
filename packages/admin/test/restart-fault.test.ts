// The router stub restarted with its data directory, the hard way: its process is SIGKILLed (no
// close(), no chance to flush), then a new process starts on the same directory. What a client
// set and had confirmed must be there; a kill in the middle of a stream of Sets must leave a state
// that some prefix of that stream produced, never a corrupt or mixed one. Loopback only; the
// router processes are stopped by PID after each test.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BandwidthLimits2003 } from '@i2cp/data';
import { connectAdmin } from '../src/admin-client.js';
import type { AdminClient } from '../src/admin-client.js';
import { STATE_FILE_NAME } from '../src/router/state-file.js';
import { tempDir } from './helpers/fixtures.js';

const ROUTER = path.join(path.dirname(new URL(import.meta.url).pathname), '../../router-stub/test/fixtures/admin-router.mjs');
const PASSPHRASE = 'restart fault passphrase';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface RouterProcess {
  readonly port: number;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

async function startRouter(dataDir: string): Promise<RouterProcess> {
  if (!existsSync(path.join(path.dirname(ROUTER), '../../../admin/dist/index.js'))) throw new Error('build first: pnpm --filter "./packages/*" build');
  const child: ChildProcess = fork(ROUTER, [dataDir, PASSPHRASE], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  cleanups.push(kill);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the router process did not start within 10 s')), 10_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the router process exited (${code}) before listening`)));
  });
  return { port, kill };
}

async function admin(router: RouterProcess, passphrase = PASSPHRASE): Promise<AdminClient> {
  const client = await connectAdmin({ port: router.port, passphrase, requestTimeoutMs: 10_000, signal: AbortSignal.timeout(10_000) });
  cleanups.push(() => client.close());
  return client;
}

async function dataDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

/** The rotation period in the state file, 0 while it is missing or being replaced. */
function periodOnDisk(dir: string): number {
  try {
    return (JSON.parse(readFileSync(path.join(dir, STATE_FILE_NAME), 'utf8')) as { addressRotationPeriod?: number }).addressRotationPeriod ?? 0;
  } catch {
    return 0;
  }
}

const limitsNumbered = (n: number): BandwidthLimits2003 => ({
  classes: [{ name: `class ${n}`, routers: [], averageDown: n, averageUp: n + 1, peakDown: 2 * n, peakUp: 2 * n + 1 }],
});

describe('router stub SIGKILLed and restarted on the same data directory', () => {
  it('keeps every confirmed setting and the changed passphrase', async () => {
    const dir = await dataDir();
    const first = await startRouter(dir);
    const client = await admin(first);
    const trusted = [new Uint8Array(32).fill(7), new Uint8Array(32).fill(8)];
    await client.setBandwidthLimits(limitsNumbered(64));
    await client.setTrustedRouters(trusted);
    await client.setAddressVisibility(false);
    await client.setAddressRotationPeriod(900);
    const rotated = await client.forceAddressRotation();
    await client.setPassphrase('changed before the crash', { confirm: true });
    await first.kill();

    const second = await startRouter(dir);
    const again = await admin(second, 'changed before the crash');
    expect(await again.getBandwidthLimits()).toEqual(limitsNumbered(64));
    expect(await again.getTrustedRouters()).toEqual(trusted);
    expect(await again.getAddressVisibility()).toBe(false);
    expect(await again.getAddressRotationPeriod()).toBe(900);
    expect((await again.forceAddressRotation()).getTime()).toBeGreaterThanOrEqual(rotated.getTime());
    // The old passphrase is refused: the change was persisted, not only applied in memory.
    await expect((await admin(second)).getAddressVisibility()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('killed in the middle of a stream of Sets: it starts again, with the state of a prefix of the stream', async () => {
    const dir = await dataDir();
    const first = await startRouter(dir);
    const client = await admin(first);
    await client.setAddressRotationPeriod(0, { confirm: true });
    // Pipelined, unconfirmed: period n, then limits n, for n = 1, 2, …; the kill lands somewhere in there.
    const sent: Promise<void>[] = [];
    for (let n = 1; n <= 400; n++) {
      sent.push(client.setAddressRotationPeriod(n), client.setBandwidthLimits(limitsNumbered(n)));
    }
    // Killed once the state file shows the stream under way (a Get would queue behind the Sets).
    let seen = 0;
    const deadline = Date.now() + 10_000;
    while (seen < 20) {
      if (Date.now() > deadline) throw new Error('the Sets did not reach the state file within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = periodOnDisk(dir);
    }
    await first.kill();
    await Promise.allSettled(sent);

    const second = await startRouter(dir);
    const again = await admin(second);
    const period = await again.getAddressRotationPeriod();
    const limits = await again.getBandwidthLimits();
    // Never older than what was already on disk; and the stream was cut, not completed.
    expect(period).toBeGreaterThanOrEqual(seen);
    expect(period).toBeLessThan(400);
    // Sets apply in order, each whole: limits are those of the same round or of the one before.
    const limitsRound = Number(limits.classes[0]?.name.replace('class ', '') ?? 0);
    expect([period - 1, period]).toContain(limitsRound);
    expect(limits.classes.length === 0 ? limits : limitsNumbered(limitsRound)).toEqual(limits);
  });
});
