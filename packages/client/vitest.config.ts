import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    restoreMocks: true,
    clearMocks: true,
    // Type tests (*.test-d.ts) run with every `vitest run` and count in the report.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
