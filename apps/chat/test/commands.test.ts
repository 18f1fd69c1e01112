import { describe, expect, test } from 'vitest';
import { parseChatArgs } from '../src/args.js';
import { parseChatLine } from '../src/commands.js';
import { decodeChatPayload, encodeChatPayload } from '../src/wire.js';

describe('parseChatLine', () => {
  test.each([
    ['hello there', { kind: 'say', text: 'hello there' }],
    ['   ', { kind: 'empty' }],
    ['//not a command', { kind: 'say', text: '/not a command' }],
    ['/msg bob hi  there', { kind: 'msg', to: 'bob', text: 'hi  there' }],
    ['/m bob bob', { kind: 'msg', to: 'bob', text: 'bob' }],
    ['/MSG abc.b32.i2p hey', { kind: 'msg', to: 'abc.b32.i2p', text: 'hey' }],
    ['/add carol xyz.b32.i2p', { kind: 'add', name: 'carol', address: 'xyz.b32.i2p' }],
    ['/who', { kind: 'who' }],
    ['/history', { kind: 'history' }],
    ['/retry', { kind: 'retry' }],
    ['/quit', { kind: 'quit' }],
    ['/exit', { kind: 'quit' }],
    ['/help', { kind: 'help' }],
  ])('%j', (line, expected) => {
    expect(parseChatLine(line)).toEqual(expected);
  });

  test.each([
    ['/msg bob', /usage: \/msg/],
    ['/msg', /usage: \/msg/],
    ['/add carol', /usage: \/add/],
    ['/add carol a b', /usage: \/add/],
    ['/add car!ol x', /not a usable name/],
    ['/who me', /takes no arguments/],
    ['/dance', /unknown command \/dance/],
  ])('%j is refused with a hint', (line, message) => {
    const c = parseChatLine(line);
    expect(c.kind).toBe('invalid');
    expect(c.kind === 'invalid' ? c.message : '').toMatch(message);
  });
});

describe('parseChatArgs', () => {
  test('name, router, dialect, keys', () => {
    expect(parseChatArgs(['--name', 'alice', '--router', '10.0.0.1:7655', '--dialect', '2003', '--keys', 'a.dat'])).toEqual({
      name: 'alice',
      router: { host: '10.0.0.1', port: 7655 },
      dialect: '2003',
      keys: 'a.dat',
    });
    expect(parseChatArgs(['--name', 'bob'])).toEqual({ name: 'bob', router: undefined, dialect: 'current', keys: undefined });
    expect(parseChatArgs(['--help'])).toEqual({ help: true });
  });

  test.each([
    [[], /--name NAME is required/],
    [['--name', 'a b'], /not a usable name/],
    [['--name', 'a', '--router', 'nowhere'], /HOST:PORT/],
    [['--name', 'a', '--dialect', '2020'], /current or 2003/],
    [['--name', 'a', '--bogus'], /Unknown option/],
  ])('%j → error', (argv, message) => {
    const r = parseChatArgs(argv);
    expect('error' in r ? r.error : '').toMatch(message);
  });
});

describe('chat payload', () => {
  test('round trip, with and without the 2003 destination', () => {
    expect(decodeChatPayload(encodeChatPayload({ name: 'alice', text: 'hi ✓' }))).toEqual({ name: 'alice', text: 'hi ✓' });
    expect(decodeChatPayload(encodeChatPayload({ name: 'a', text: '', destination: 'AAAA' }))).toEqual({ name: 'a', text: '', destination: 'AAAA' });
  });

  test('bytes that are not a chat message are not one', () => {
    for (const bytes of [new Uint8Array([0xff, 0xfe]), new TextEncoder().encode('hello'), new TextEncoder().encode('{"v":2,"name":"a","text":"b"}'), new TextEncoder().encode('null')]) {
      expect(decodeChatPayload(bytes)).toBeUndefined();
    }
  });
});
