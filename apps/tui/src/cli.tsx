/**
 * The `ollamamon` entry point. It turns on Node's module compile cache before anything else is loaded
 * (V8 then reuses the compiled code of the app and its dependencies on later starts), then runs main.
 * The cache is an optimisation only: any failure (old Node, read-only temp dir) is ignored.
 */
import module from 'node:module';

try {
  // Node >= 22.1; the default directory is <os temp>/node-compile-cache, NODE_COMPILE_CACHE overrides it,
  // NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
  // Never fail the app for a cache.
}

// React's production build: the development build (what React loads when NODE_ENV is unset) checks and
// tracks far more on every render, which a terminal UI that re-renders ~30 times a second pays for. Always,
// not only when unset: the bundled react-reconciler is built for production (tsup.config.ts), and React
// itself must match it.
// (Assigned through Object.assign: the bundler replaces reads of process.env.NODE_ENV at build time.)
Object.assign(process.env, { NODE_ENV: 'production' });

await import('./main.js');
