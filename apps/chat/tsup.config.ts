import { defineConfig } from 'tsup';

// An executable: ESM only, with a shebang; the workspace packages are its dependencies.
export default defineConfig({
  entry: ['src/index.ts', 'src/demo.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'es2022',
  banner: { js: '#!/usr/bin/env node' },
});
