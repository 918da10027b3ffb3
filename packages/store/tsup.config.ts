import { defineConfig } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // Keep `node:` specifiers: `node:sqlite` has no bare `sqlite` alias.
  removeNodeProtocol: false,
  define: { __PACKAGE_VERSION__: JSON.stringify(packageJson.version) },
});
