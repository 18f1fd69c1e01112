import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createOutput } from '../src/output.js';

class Fake extends Writable {
  text = '';
  readonly isTTY: boolean;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer, _e: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

const withColour = <T>(f: () => T): T => {
  const saved = process.env['NO_COLOR'];
  delete process.env['NO_COLOR'];
  try {
    return f();
  } finally {
    if (saved !== undefined) process.env['NO_COLOR'] = saved;
  }
};

test('progress only on a terminal, erased before the next line, ended by done', () => {
  const stdout = new Fake(true);
  const stderr = new Fake(true);
  const out = createOutput({}, { stdout, stderr });
  out.progress('1/2 sent');
  out.data('#1 LocalSuccess');
  out.progress('2/2 sent', true);
  expect(stderr.text).toBe('\r\u001b[2K1/2 sent\r\u001b[2K\r\u001b[2K2/2 sent\n');
  expect(stdout.text).toBe('#1 LocalSuccess\n');

  const piped = new Fake(false);
  const quietErr = new Fake(true);
  createOutput({}, { stdout: piped, stderr: piped }).progress('x');
  createOutput({ quiet: true }, { stdout: piped, stderr: quietErr }).progress('x');
  createOutput({ json: true }, { stdout: piped, stderr: quietErr }).progress('x');
  expect(piped.text + quietErr.text).toBe('');
});

test('colour follows the stream it is written to, and NO_COLOR turns it off', () => {
  withColour(() => {
    const toFile = createOutput({}, { stdout: new Fake(false), stderr: new Fake(true) });
    expect(toFile.green('ok')).toBe('ok');
    const toTerminal = createOutput({}, { stdout: new Fake(true), stderr: new Fake(false) });
    expect(toTerminal.green('ok')).toBe('\u001b[32mok\u001b[0m');
  });
  const saved = process.env['NO_COLOR'];
  process.env['NO_COLOR'] = '1';
  try {
    expect(createOutput({}, { stdout: new Fake(true), stderr: new Fake(true) }).red('x')).toBe('x');
  } finally {
    if (saved === undefined) delete process.env['NO_COLOR'];
    else process.env['NO_COLOR'] = saved;
  }
});

test('--json: data is one JSON value per line; info is dropped, notices are not', () => {
  const stdout = new Fake(false);
  const stderr = new Fake(false);
  const out = createOutput({ json: true }, { stdout, stderr });
  out.data('text form', { a: 1 });
  out.info('for people');
  out.notice('listening as x');
  expect(stdout.text).toBe('{"a":1}\n');
  expect(stderr.text).toBe('listening as x\n');
});
