import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import packageJson from './package.json' with { type: 'json' };

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Ink 8 turns every text it draws into styled cells (ANSI tokenizing, per character) in caches that live for
 * one frame: each frame starts from scratch, though nearly every line on screen (tab bar, status bar,
 * finished messages) is the same as in the frame before. This build-time patch of Ink's output.js, in the
 * bundle only, makes those caches outlive the frame (cleared once they hold a few thousand texts). The cached
 * cells are never mutated by Ink (it already shares them between equal texts within a frame), so the
 * output is byte-for-byte the same. The build fails if Ink's code no longer matches, so an Ink upgrade cannot
 * silently drop or misapply it.
 */
const inkOutputCaches: EsbuildPlugin = {
  name: 'ink-output-caches',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const perFrame = 'caches = new OutputCaches();';
      if (!source.includes(perFrame) || !source.includes('class OutputCaches {')) {
        throw new Error(
          `ink-output-caches: ${args.path} no longer has "${perFrame}"; review the patch in tsup.config.ts`,
        );
      }
      const contents = `${source.replace(perFrame, 'caches = sharedOutputCaches();')}
let sharedCaches;
function sharedOutputCaches() {
  if (sharedCaches === undefined || sharedCaches.styledChars.size > 3000 || sharedCaches.widths.size > 3000 || sharedCaches.blockWidths.size > 3000) {
    sharedCaches = new OutputCaches();
  }
  return sharedCaches;
}
`;
      return { contents, loader: 'js' };
    });
  },
};

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
  esbuildPlugins: [inkOutputCaches],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __ollamamonCreateRequire } from 'node:module';",
      'const require = __ollamamonCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  define: {
    __PACKAGE_VERSION__: JSON.stringify(packageJson.version),
    // The bundled react-reconciler and scheduler keep only their production builds (src/cli.tsx sets
    // NODE_ENV for the external react package the same way), so the bundle is smaller and starts faster.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
});
