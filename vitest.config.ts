import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ built once, for the tests that spawn the real executable
    globalSetup: ['test/global-setup.ts'],
    // Two cores in CI: keep workers few so tests that time work do not starve each other.
    poolOptions: { threads: { maxThreads: 2 }, forks: { maxForks: 2 } },
    testTimeout: 30_000,
    // verify() adds the NODE_EXTRA_CA_CERTS file to its default roots, as Node does; tests give
    // it explicitly, so the machine's setting does not change their trust store
    env: { NODE_EXTRA_CA_CERTS: '' },
  },
});
