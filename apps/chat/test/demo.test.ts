import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { DEMO } from './helpers.js';

test('pnpm start without a terminal: the scripted demo prints the conversation with ticks and exits 0', async () => {
  const child = spawn(process.execPath, [DEMO], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(/\[alice\] +\S+ ✓ delivered to bob: "hi bob!/);
  expect(stdout).toMatch(/\[bob\] +\S+ alice \(\S+\): hi bob!/);
  expect(stdout).toMatch(/\[alice\] +\S+ ✗ failed to carol: .*LOOKUP_FAILED.*\/retry to resend/);
  expect(stdout).toMatch(/\[carol\] +\S+ alice \(\S+\): carol, are you there\?/);
  expect(stdout).toContain('demo finished: every message delivered');
});
