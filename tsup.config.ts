import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    // No shims: they put Node's path and url modules into the shared core chunk. The worker pool,
    // in guiyan/node only, finds its own file through __filename (CJS) or import.meta.url (ESM).
    // CommonJS is split too, so guiyan and guiyan/node share one copy of the core (one
    // PolicyValidationError class for instanceof).
    splitting: true,
    target: 'es2022',
    esbuildOptions(options, { format }) {
      // CommonJS has no import.meta (and needs none: __filename is there).
      if (format === 'cjs') options.define = { ...options.define, 'import.meta.url': 'undefined' };
    },
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
