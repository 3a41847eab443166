import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores in CI: keep workers few so tests that time work do not starve each other.
    poolOptions: { threads: { maxThreads: 2 }, forks: { maxForks: 2 } },
    testTimeout: 30_000,
  },
});
