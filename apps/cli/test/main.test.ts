import { describe, expect, test } from 'vitest';
import { parseHostPort, parseSessionOptions } from '../src/args.js';
import { commands } from '../src/commands/index.js';
import { runMain } from './helpers.js';

describe('i2cp (in process)', () => {
  test('--help lists every command, exit 0', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['router', 'keygen', 'address', 'listen', 'send', 'lookup', 'decode', 'proxy', 'admin']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  test('no command prints the overview and exits 2', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: i2cp <command>');
  });

  test.each(commands.map((c) => c.spec.name))('%s --help shows its usage and options', async (name) => {
    const r = await runMain([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: i2cp ${name}`);
    expect(r.stdout).toContain('--help');
  });

  test('the client commands share --router (default 127.0.0.1:7654), --dialect (default current) and -o', async () => {
    for (const name of ['listen', 'send', 'lookup']) {
      const r = await runMain([name, '--help']);
      expect(r.stdout).toContain('--router HOST:PORT');
      expect(r.stdout).toContain('(default: 127.0.0.1:7654)');
      expect(r.stdout).toMatch(/--dialect 2003\|current .*\(default: current\)/);
      expect(r.stdout).toContain('-o, --option KEY=VALUE');
    }
  });

  test.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['send', '--keys', 'k.dat', 'hi'], /--to NAME\|B32\|BASE64 is required/],
    [['send', '--keys', 'k.dat', '--to', 'bob'], /the message is missing/],
    [['send', '--keys', 'k.dat', '--to', 'bob', '--file', 'x', 'hi'], /either as an argument or with --file/],
    [['send', '--keys', 'k.dat', '--to', 'bob', '--protocol', '256', 'hi'], /--protocol must be a whole number from 0 to 255/],
    [['send', '--keys', 'k.dat', '--to', 'bob', '--reliability', 'maybe', 'hi'], /--reliability must be status or none/],
    [['send', '--keys', 'k.dat', '--to', 'bob', '--count', '0', 'hi'], /--count must be a whole number/],
    [['send', '--keys', 'k.dat', '--to', 'bad!.b32.i2p', 'hi'], /b32/i],
    [['send', '--to', 'bob', '--router', 'nowhere', 'hi'], /expected HOST:PORT/],
    [['send', '--to', 'bob', '--dialect', '2004', 'hi'], /--dialect must be 2003 or current/],
    [['send', '--to', 'bob', '-o', 'novalue', 'hi'], /-o expects key=value/],
    [['send', '--to', 'bob', 'hi'], /--keys FILE is required/],
    [['listen', '--keys', 'k.dat', '--count', 'many'], /--count must be a whole number/],
    [['listen', '--keys', 'k.dat', '--timeout', '0'], /--timeout must be a number/],
    [['listen', '--bogus'], /Unknown option '--bogus'/],
    [['lookup'], /takes 1 argument/],
    [['admin'], /takes 1 to 64 argument/],
    [['admin', 'frob'], /unknown admin action 'frob'/],
    [['admin', 'get', 'weather'], /admin get takes one of bandwidth, trusted, visibility, rotation, peers/],
    [['admin', 'set', 'rotation', '70000'], /whole seconds from 0 to 65535/],
    [['admin', 'set', 'visibility', 'maybe'], /visibility is true, false or unknown/],
    [['admin', 'set', 'trusted', 'abcd'], /is not a router hash/],
    [['admin', 'set', 'bandwidth', '1'], /AVERAGE_DOWN AVERAGE_UP/],
    [['admin', 'rotate', '--dialect', 'current'], /supports only 'admin get bandwidth'/],
    [['keygen'], /--out FILE is required/],
    [['keygen', '--out', 'x', '--sig', 'rsa'], /--sig must be ed25519 or dsa-sha1/],
    [['decode', '--dialect', '1999'], /--dialect must be 2003 or current/],
    [['proxy', '--to', '127.0.0.1:1'], /--listen PORT is required/],
  ])('i2cp %j → exit 2 with a clear message', async (argv, message) => {
    const r = await runMain(argv);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  test('the admin passphrase is never an argument: missing file and environment is exit 2 naming both ways', async () => {
    const saved = process.env['I2CP_ADMIN_PASSPHRASE'];
    delete process.env['I2CP_ADMIN_PASSPHRASE'];
    try {
      const r = await runMain(['admin', 'get', 'rotation', '--router', '127.0.0.1:1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--passphrase-file FILE or set I2CP_ADMIN_PASSPHRASE/);
    } finally {
      if (saved !== undefined) process.env['I2CP_ADMIN_PASSPHRASE'] = saved;
    }
  });

  test('no router listening: exit 1 and the reason', async () => {
    const r = await runMain(['lookup', 'bob', '--router', '127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to 127\.0\.0\.1:1.*\[CONNECTION_FAILED\]/);
  });
});

describe('argument helpers', () => {
  test('parseHostPort: host:port, [v6]:port, bare port, default', () => {
    expect(parseHostPort('example.org:7655')).toEqual({ host: 'example.org', port: 7655 });
    expect(parseHostPort('[::1]:7654')).toEqual({ host: '::1', port: 7654 });
    expect(parseHostPort('7000')).toEqual({ host: '127.0.0.1', port: 7000 });
    expect(parseHostPort(undefined)).toEqual({ host: '127.0.0.1', port: 7654 });
    expect(() => parseHostPort('host:0')).toThrow(/HOST:PORT/);
    expect(() => parseHostPort('host:99999')).toThrow(/HOST:PORT/);
  });

  test('parseSessionOptions keeps values with = and refuses a key twice', () => {
    expect([...parseSessionOptions(['a=1', 'b=x=y', 'c='])]).toEqual([['a', '1'], ['b', 'x=y'], ['c', '']]);
    expect(() => parseSessionOptions(['a=1', 'a=2'])).toThrow(/given twice/);
    expect(() => parseSessionOptions(['=1'])).toThrow(/key=value/);
  });
});
