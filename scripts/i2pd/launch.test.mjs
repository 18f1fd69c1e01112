// node --test scripts/: the i2pd launcher. Cases needing a real i2pd are skipped without one,
// unless I2CP_INTEROP=required (CI).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { findI2pd, startI2pd } from './launch.mjs';

const noI2pd = findI2pd() === undefined && process.env['I2CP_INTEROP'] !== 'required';
const skip = noI2pd ? 'i2pd not installed (sudo apt-get install i2pd)' : false;

/** @param {number} port */
const accepts = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** @param {number} pid */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('starts on free loopback ports, accepts I2CP, and stop() removes everything', { skip }, async () => {
  const router = await startI2pd({ logLevel: 'warn' });
  assert.equal(router.host, '127.0.0.1');
  assert.notEqual(router.i2cpPort, router.ntcp2Port);
  assert.equal(await accepts(router.i2cpPort), true);
  assert.ok(existsSync(router.logFile));
  await router.stop();
  await router.stop(); // idempotent
  assert.equal(alive(router.pid), false);
  assert.equal(existsSync(router.dataDir), false);
  assert.equal(typeof (await router.readLog()), 'string');
});

test('an i2pd that dies during start-up is reported with its output', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'i2cp-fake-i2pd-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const fake = path.join(dir, 'i2pd');
  await writeFile(fake, '#!/bin/sh\necho "fake i2pd: cannot start" >&2\nexit 3\n');
  await chmod(fake, 0o755);
  const saved = process.env['I2PD_BIN'];
  process.env['I2PD_BIN'] = fake;
  t.after(() => {
    if (saved === undefined) delete process.env['I2PD_BIN'];
    else process.env['I2PD_BIN'] = saved;
  });
  await assert.rejects(startI2pd(), (error) => {
    assert.ok(error instanceof Error);
    assert.match(error.message, /exited during start-up \(code 3/);
    assert.match(error.message, /fake i2pd: cannot start/);
    return true;
  });
});

test('a missing binary is reported with the install command', async (t) => {
  const saved = process.env['I2PD_BIN'];
  process.env['I2PD_BIN'] = '/nonexistent/i2pd';
  t.after(() => {
    if (saved === undefined) delete process.env['I2PD_BIN'];
    else process.env['I2PD_BIN'] = saved;
  });
  assert.equal(findI2pd(), undefined);
  await assert.rejects(startI2pd(), /apt-get install i2pd/);
});

test('aborting start-up rejects with the reason and leaves nothing behind', { skip }, async (t) => {
  // A private TMPDIR (os.tmpdir() reads it on every call) shows whatever start-up left there.
  const scratch = await mkdtemp(path.join(tmpdir(), 'i2cp-abort-'));
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = scratch;
  t.after(async () => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
    await rm(scratch, { recursive: true, force: true });
  });
  for (const delayMs of [1, 30]) {
    const controller = new AbortController();
    const reason = new Error('stop now');
    setTimeout(() => controller.abort(reason), delayMs);
    await assert.rejects(startI2pd({ signal: controller.signal }), (error) => error === reason);
  }
  assert.deepEqual(await readdir(scratch), []);
});
