import { defineConfig } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  entry: { cli: 'src/cli.tsx' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  // Ink and @inkjs/ui are bundled with what they import: Ink loads es-toolkit's compat barrel (~415 files),
  // which cost ~300 ms of module loading at every start; bundled, esbuild keeps the one function used.
  // React stays external (one copy, shared with the reconciler); a CommonJS `require` is provided for it.
  noExternal: ['ink', '@inkjs/ui'],
  // Ink imports it only when DEV=true (React DevTools); not a dependency of ours.
  external: ['react-devtools-core'],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __ollamamonCreateRequire } from 'node:module';",
      'const require = __ollamamonCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version) },
});
