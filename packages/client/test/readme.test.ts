// The README's example, run exactly as written (its imports are supplied, console is captured).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateDestination } from '@i2cp/data';
import { createRouterStub } from '@i2cp/router-stub';
import { connect } from '../src/index.js';

test('the README example runs and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (example === undefined) throw new Error('README has no example');
  const body = example.replace(/^import .*$/gm, '');
  const printed: string[] = [];
  const console = { log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  const run = new AsyncFunction('connect', 'generateDestination', 'createRouterStub', 'console', body);
  await run(connect, generateDestination, createRouterStub, console);
  expect(printed).toEqual(['LocalSuccess true', 'hello bob']);
});
