import { fileURLToPath } from 'node:url';

// Tests import sibling packages from their sources, so a test run never depends on a stale dist/.
const src = (name: string): string => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export const workspaceAliases: Record<string, string> = {
  '@i2cp/data': src('data'),
  '@i2cp/codec': src('codec'),
  '@i2cp/client': src('client'),
  '@i2cp/router-stub': src('router-stub'),
  '@i2cp/admin': src('admin'),
};
