import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    restoreMocks: true,
    clearMocks: true,
    // Component/reducer tests beside the code; end-to-end tests (the built app under tmux) in e2e/.
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.test.ts'],
    testTimeout: 30_000,
    // The e2e files mostly wait on a terminal or a simulator, not the CPU: run three at a time even
    // on 2 cores (vitest's default there is one), so the suite stays well under 90 s.
    maxWorkers: 3,
    hookTimeout: 30_000,
  },
});
