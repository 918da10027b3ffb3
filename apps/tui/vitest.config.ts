import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    restoreMocks: true,
    clearMocks: true,
    // Component/reducer tests beside the code; end-to-end tests (the built app under tmux) in e2e/.
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
