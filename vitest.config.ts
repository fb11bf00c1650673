import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests beside the code; integration tests on a real PostgreSQL (a fresh
// database per file, cloned from a migrated template); browser tests driving Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The console's pure helpers (web/src/shared) are unit-tested beside their code too.
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts', 'test/helpers/web-build-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page re-fetches after a click; on a loaded CI machine that can take longer than
          // expect.poll's default second (finance.e2e flaked on it), so polls wait up to 10 s.
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
