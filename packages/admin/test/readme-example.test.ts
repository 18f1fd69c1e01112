import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';

/** A port that was free a moment ago, so the example does not collide with a router on 7654. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('the README example runs as written (with a free port and a temporary data directory)', async () => {
  const readme = await readFile(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const example = /## Example\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const dir = await mkdtemp(join(tmpdir(), 'i2cp-admin-readme-'));
  // Inside test/ so that vitest resolves the @i2cp/* imports through the workspace aliases.
  const file = fileURLToPath(new URL(`./.readme-example-${process.pid}.ts`, import.meta.url));
  const port = String(await freePort());
  const hadPassphrase = process.env['I2CP_ADMIN_PASSPHRASE'] !== undefined;
  const logged: unknown[][] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
  try {
    await writeFile(file, example!.replaceAll('7654', port).replace("'./router-data'", JSON.stringify(join(dir, 'router-data'))));
    await import(/* @vite-ignore */ file);
    expect(logged[0]).toEqual([
      { classes: [{ name: 'default', routers: [], averageDown: 64_000, averageUp: 32_000, peakDown: 128_000, peakUp: 64_000 }] },
    ]);
    expect(logged[1]?.[0]).toBe('last rotation');
    expect(logged[2]?.[0]).toEqual([62, 31, 62, 125, 31, 62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  } finally {
    log.mockRestore();
    if (!hadPassphrase) delete process.env['I2CP_ADMIN_PASSPHRASE'];
    await rm(file, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
});
