import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_BYTE, encodeMessage } from '@i2cp/codec';
import { concatBytes, toHex } from '@i2cp/data';
import { freePort, killAll, run, start, startRouter } from './helpers.js';
import type { Running } from './helpers.js';

// Every test spawns the built CLI (node dist/index.js), as `pnpm i2cp` and the installed binary run it.
let dir: string;
let router: Running;
let port: number;
let alice: string;
let bob: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'i2cp-cli-'));
  ({ router, port } = await startRouter());
  const a = await run(['keygen', '--out', join(dir, 'alice.dat')]);
  const b = await run(['keygen', '--out', join(dir, 'bob.dat')]);
  expect([a.code, b.code]).toEqual([0, 0]);
  alice = a.stdout.trim();
  bob = b.stdout.trim();
});

afterAll(async () => {
  killAll();
  await rm(dir, { recursive: true, force: true });
});

const at = (): string[] => ['--router', `127.0.0.1:${port}`];

describe('router, keygen, address', () => {
  test('router prints one line with the port it listens on; its log goes to stderr', () => {
    expect(router.stdout.trim().split('\n')).toHaveLength(1);
    expect(router.stderr).toMatch(/info router stub listening/);
  });

  test('keygen prints the .b32.i2p address; address prints it and the base64 destination', async () => {
    expect(alice).toMatch(/^[a-z2-7]{52}\.b32\.i2p$/);
    expect(bob).not.toBe(alice);
    const r = await run(['address', join(dir, 'alice.dat'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { b32: string; base64: string };
    expect(j.b32).toBe(alice);
    expect(j.base64.length).toBeGreaterThanOrEqual(516);
  });

  test('keygen refuses to replace a key file without --force (exit 2)', async () => {
    const r = await run(['keygen', '--out', join(dir, 'alice.dat')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; use --force/);
  });

  test('the binary exits 2 on bad arguments, with the message on stderr and nothing on stdout', async () => {
    const r = await run(['send', '--keys', join(dir, 'alice.dat'), '--bogus']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^error: Unknown option '--bogus'/);
    const q = await run(['keygen', '--out', join(dir, 'quiet.dat'), '--quiet']);
    expect(q).toMatchObject({ code: 0, stderr: '' });
    expect(q.stdout).toMatch(/\.b32\.i2p\n$/);
  });

  test('a file that is not a key file: exit 2', async () => {
    await writeFile(join(dir, 'junk.dat'), 'not keys');
    const r = await run(['address', join(dir, 'junk.dat')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/private key file/);
  });

  test('router stops cleanly on SIGTERM and SIGINT (exit 0)', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { router: r } = await startRouter();
      r.child.kill(signal);
      const code = await r.exited();
      expect(code).toBe(0);
      expect(r.stderr).toMatch(/router stub closed/);
    }
  });
});

describe('listen and send', () => {
  test('a message sent by name arrives at the listener; both exit 0', async () => {
    const listener = start(['listen', '--keys', join(dir, 'bob.dat'), ...at(), '-o', 'i2cp.stub.hostname=bob', '--count', '1', '--json', '--timeout', '15']);
    await listener.waitFor(/listening as/);
    const s = await run(['send', '--keys', join(dir, 'alice.dat'), ...at(), '--to', 'bob', '--protocol', '17', '--to-port', '7', 'hello bob']);
    expect(s.stderr).toBe(`sending 9 B from ${alice} to bob\n`);
    expect(s.stdout).toMatch(/^\w*Success\n$/);
    expect(s.code).toBe(0);
    expect(await listener.exited()).toBe(0);
    const m = JSON.parse(listener.stdout) as Record<string, unknown>;
    expect(m).toMatchObject({ text: 'hello bob', from: alice, protocol: 17, toPort: 7, size: 9 });
  });

  test('message from a file and from stdin, sent to the .b32.i2p address; --count prints each status', async () => {
    await writeFile(join(dir, 'payload.bin'), new Uint8Array([0, 1, 2, 255]));
    const listener = start(['listen', '--keys', join(dir, 'bob.dat'), ...at(), '--count', '3', '--json', '--timeout', '15']);
    await listener.waitFor(/listening as/);
    const f = await run(['send', '--keys', join(dir, 'alice.dat'), ...at(), '--to', bob, '--file', join(dir, 'payload.bin')]);
    expect(f.code).toBe(0);
    const i = await run(['send', '--keys', join(dir, 'alice.dat'), ...at(), '--to', bob, '--count', '2', '--json', '-'], {}, 'from stdin');
    expect(i.code).toBe(0);
    const statuses = i.stdout.trim().split('\n').map((l) => JSON.parse(l) as { success: boolean; index: number });
    expect(statuses.map((x) => x.success)).toEqual([true, true]);
    expect(statuses.map((x) => x.index).sort()).toEqual([0, 1]);
    expect(await listener.exited()).toBe(0);
    const got = listener.stdout.trim().split('\n').map((l) => JSON.parse(l) as { base64?: string; text?: string });
    expect(got[0]?.base64).toBe('AAEC~w==');
    expect(got.slice(1).map((x) => x.text)).toEqual(['from stdin', 'from stdin']);
  });

  test('a failed delivery prints the status and exits 1', async () => {
    const r = await run(['send', '--keys', join(dir, 'alice.dat'), ...at(), '--to', 'nobody-here', 'hi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not sent: the router could not resolve nobody-here.*LOOKUP_FAILED/);
  });

  test('listen --count with a timeout that passes first exits 1', async () => {
    const r = await run(['listen', '--keys', join(dir, 'bob.dat'), ...at(), '--count', '1', '--timeout', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/received 0 of 1 message\(s\) before the timeout/);
  });

  test('lookup resolves a session name to its destination', async () => {
    const listener = start(['listen', '--keys', join(dir, 'bob.dat'), ...at(), '-o', 'i2cp.stub.hostname=bobby', '--timeout', '15']);
    await listener.waitFor(/listening as/);
    const r = await run(['lookup', 'bobby', ...at(), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ query: 'bobby', b32: bob });
    listener.child.kill('SIGINT');
    expect(await listener.exited()).toBe(0);
    const missing = await run(['lookup', 'nobody-here', ...at()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/LOOKUP_FAILED/);
  });
});

describe('router --hosts', () => {
  test('names from a hosts file resolve; a bad line is logged and skipped', async () => {
    const bobBase64 = (JSON.parse((await run(['address', join(dir, 'bob.dat'), '--json'])).stdout) as { base64: string }).base64;
    await writeFile(join(dir, 'hosts.txt'), `# address book\nbob.i2p=${bobBase64}\nbroken=notbase64\n`);
    const { router: withHosts, port: hostsPort } = await startRouter(['--hosts', join(dir, 'hosts.txt')]);
    try {
      const r = await run(['lookup', 'bob.i2p', '--router', `127.0.0.1:${hostsPort}`]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(bob);
      expect(withHosts.stderr).toMatch(/warn hosts file line skipped .*line 3/);
    } finally {
      withHosts.child.kill('SIGTERM');
      await withHosts.exited();
    }
  });
});

describe('decode', () => {
  test('a captured client stream: protocol byte, then one line per message; --hex and --json', async () => {
    const capture = concatBytes([
      new Uint8Array([PROTOCOL_BYTE]),
      encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current'),
      encodeMessage({ type: 'Disconnect', reason: 'bye' }, 'current'),
    ]);
    await writeFile(join(dir, 'capture.bin'), capture);
    const r = await run(['decode', join(dir, 'capture.bin')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('protocol byte 0x2a');
    expect(lines[1]).toMatch(/^#0 @1 GetDate\(32\) .*0\.9\.62/);
    expect(lines[2]).toMatch(/^#1 @\d+ Disconnect\(30\) .*bye/);
    const j = await run(['decode', '--hex', '--json', '-'], {}, toHex(capture));
    expect(j.code).toBe(0);
    const objects = j.stdout.trim().split('\n').map((l) => JSON.parse(l) as { typeId?: number });
    expect(objects.map((o) => o.typeId)).toEqual([undefined, 32, 30]);
  });

  test('a length no frame may have: the messages before it are printed, then where it broke, exit 2', async () => {
    const bytes = concatBytes([encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current'), new Uint8Array([0xff, 0xff, 0xff, 0xff, 1])]);
    const r = await run(['decode', '--hex', '-'], {}, toHex(bytes));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^#0 @0 GetDate\(32\)/);
    expect(r.stderr).toMatch(/at byte 12: frame body of 4294967295 bytes exceeds the limit/);
  });

  test('a stream cut inside a frame: exit 2 with where', async () => {
    const frame = encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current');
    const r = await run(['decode', '--hex', '-'], {}, toHex(frame.subarray(0, frame.length - 2)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ends inside a frame/);
  });
});

describe('proxy', () => {
  test('a client session works through the proxy and every message is printed decoded', async () => {
    const listenPort = await freePort();
    const proxy = start(['proxy', '--listen', String(listenPort), '--to', `127.0.0.1:${port}`]);
    await proxy.waitFor(/proxy listening/);
    const listener = start(['listen', '--keys', join(dir, 'bob.dat'), '--router', `127.0.0.1:${listenPort}`, '-o', 'i2cp.stub.hostname=viaproxy', '--count', '1', '--json', '--timeout', '15']);
    await listener.waitFor(/listening as/);
    const s = await run(['send', '--keys', join(dir, 'alice.dat'), ...at(), '--to', 'viaproxy', 'through the proxy']);
    expect(s.code).toBe(0);
    expect(await listener.exited()).toBe(0);
    expect(JSON.parse(listener.stdout)).toMatchObject({ text: 'through the proxy', size: 17 });
    await proxy.waitFor(/router→client #\d+ MessagePayload/);
    expect(proxy.stdout).toMatch(/client→router protocol byte 0x2a/);
    expect(proxy.stdout).toMatch(/client→router #0 GetDate/);
    expect(proxy.stdout).toMatch(/router→client #0 SetDate/);
    expect(proxy.stdout).toMatch(/client→router #\d+ CreateSession/);
    proxy.child.kill('SIGTERM');
    expect(await proxy.exited()).toBe(0);
  });
});

describe('proxy, byte for byte', () => {
  test('what either side sends arrives unchanged, also bytes that do not decode', async () => {
    // A fake router that records what it gets and answers with a SetDate, a frame of an unknown
    // type, and then a length no frame may have (after which the proxy can only forward).
    const reply = concatBytes([
      encodeMessage({ type: 'SetDate', date: 1_700_000_000_000, version: '0.9.67' }, 'current'),
      new Uint8Array([0, 0, 0, 1, 250, 9]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]),
    ]);
    let atRouter: Uint8Array = new Uint8Array(0);
    const fake = createServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        atRouter = concatBytes([atRouter, chunk]);
        if (atRouter.length === request.length) socket.write(reply);
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const routerPort = (fake.address() as AddressInfo).port;
    const request = concatBytes([new Uint8Array([PROTOCOL_BYTE]), encodeMessage({ type: 'GetDate', version: '0.9.62' }, 'current'), new Uint8Array([0, 0, 0, 2, 77, 1, 2])]);
    const listenPort = await freePort();
    const proxy = start(['proxy', '--listen', String(listenPort), '--to', `127.0.0.1:${routerPort}`, '--json']);
    try {
      await proxy.waitFor(/proxy listening/);
      const client = connect(listenPort, '127.0.0.1');
      let atClient: Uint8Array = new Uint8Array(0);
      const done = new Promise<void>((resolve) => {
        client.on('data', (chunk: Buffer) => {
          atClient = concatBytes([atClient, chunk]);
          if (atClient.length >= reply.length) resolve();
        });
      });
      client.write(request);
      await done;
      client.destroy();
      expect(toHex(atRouter)).toBe(toHex(request));
      expect(toHex(atClient)).toBe(toHex(reply));
      await proxy.waitFor(/router→client: cannot decode any further.*forwarding only/);
      const lines = proxy.stdout.trim().split('\n').map((l) => JSON.parse(l) as { connection: number; direction: string; typeId?: number });
      expect(lines.map((l) => [l.connection, l.direction, l.typeId])).toEqual([
        [0, 'client→router', undefined],
        [0, 'client→router', 32],
        [0, 'client→router', 77],
        [0, 'router→client', 33],
        [0, 'router→client', 250],
      ]);
    } finally {
      proxy.child.kill('SIGTERM');
      await proxy.exited();
      fake.close();
    }
  });
});

describe('admin', () => {
  let adminRouter: Running;
  let adminPort: number;
  let passFile: string;

  beforeAll(async () => {
    passFile = join(dir, 'passphrase');
    await writeFile(passFile, 'correct horse battery staple\n', { mode: 0o600 });
    ({ router: adminRouter, port: adminPort } = await startRouter(['--admin-passphrase-file', passFile, '--data-dir', join(dir, 'state')]));
  });

  afterAll(async () => {
    adminRouter.child.kill('SIGTERM');
    await adminRouter.exited();
  });

  const admin = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run(['admin', ...args, '--router', `127.0.0.1:${adminPort}`, '--passphrase-file', passFile]);

  test('router line says admin is enabled', () => {
    expect(adminRouter.stdout).toMatch(/admin enabled/);
  });

  test('get and set rotation, visibility, trusted, bandwidth; rotate', async () => {
    expect((await admin('get', 'rotation')).stdout).toBe('0 (never)\n');
    expect((await admin('set', 'rotation', '3600')).code).toBe(0);
    expect(JSON.parse((await admin('get', 'rotation', '--json')).stdout)).toEqual({ seconds: 3600 });

    expect((await admin('set', 'visibility', 'true')).code).toBe(0);
    expect((await admin('get', 'visibility')).stdout).toBe('true\n');
    expect((await admin('set', 'visibility', 'unknown')).code).toBe(0);
    expect((await admin('get', 'visibility')).stdout).toBe('unknown\n');

    const hash = 'ab'.repeat(32);
    expect((await admin('set', 'trusted', hash)).code).toBe(0);
    expect(JSON.parse((await admin('get', 'trusted', '--json')).stdout)).toEqual({ trusted: ['q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s='] });
    expect((await admin('set', 'trusted')).code).toBe(0);
    expect((await admin('get', 'trusted')).stdout).toBe('');

    expect((await admin('set', 'bandwidth', '64000', '32000')).code).toBe(0);
    const bw = JSON.parse((await admin('get', 'bandwidth', '--json')).stdout) as { classes: Record<string, unknown>[] };
    expect(bw.classes).toEqual([{ name: 'default', routers: [], averageDown: 64000, averageUp: 32000, peakDown: 64000, peakUp: 32000 }]);
    await writeFile(join(dir, 'bw.json'), JSON.stringify({ classes: [{ ...bw.classes[0], peakDown: 1000 }] }));
    expect((await admin('set', 'bandwidth', '--file', join(dir, 'bw.json'))).code).toBe(0);
    expect((await admin('get', 'bandwidth')).stdout).toMatch(/peak 1000 down/);

    expect((await admin('get', 'peers')).stdout).toBe('');
    const r = await admin('rotate', '--json');
    expect(r.code).toBe(0);
    expect(Date.parse((JSON.parse(r.stdout) as { lastRotation: string }).lastRotation)).toBeGreaterThan(0);
  }, 60_000);

  test('a wrong passphrase: exit 1, AUTH_FAILED', async () => {
    const wrong = join(dir, 'wrong');
    await writeFile(wrong, 'nope');
    const r = await run(['admin', 'get', 'rotation', '--router', `127.0.0.1:${adminPort}`, '--passphrase-file', wrong]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/AUTH_FAILED/);
  });

  test('passphrase: the new one from the environment works, the old one no longer does', async () => {
    const env = { I2CP_ADMIN_PASSPHRASE: 'correct horse battery staple', I2CP_ADMIN_NEW_PASSPHRASE: 'tr0ub4dor' };
    const target = ['--router', `127.0.0.1:${adminPort}`];
    expect((await run(['admin', 'passphrase', ...target], env)).code).toBe(0);
    expect((await run(['admin', 'get', 'rotation', ...target], { I2CP_ADMIN_PASSPHRASE: 'tr0ub4dor' })).code).toBe(0);
    expect((await run(['admin', 'get', 'rotation', ...target], { I2CP_ADMIN_PASSPHRASE: 'correct horse battery staple' })).code).toBe(1);
    expect((await run(['admin', 'passphrase', ...target], { I2CP_ADMIN_PASSPHRASE: 'tr0ub4dor', I2CP_ADMIN_NEW_PASSPHRASE: 'correct horse battery staple' })).code).toBe(0);
  }, 30_000);

  test('get bandwidth --dialect current asks like i2pd and Java I2P are asked (no passphrase)', async () => {
    const r = await run(['admin', 'get', 'bandwidth', '--dialect', 'current', '--router', `127.0.0.1:${port}`, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { limits: number[] }).limits).toHaveLength(16);
  });
});
