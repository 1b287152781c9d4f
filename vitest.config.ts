import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run by `npm run test:unit`, `test:build` and `test:e2e` (`npm test` runs
 * them in that order). Unit files need no build; build files read the build or start
 * their own (in their own folders, one build at a time: scripts/lib/build-lock.ts):
 * both run two files at a time (two cores). Unit files mock and stub nothing, so each worker keeps one
 * module cache for all of its files (isolate: false). E2e files drive Chromium, which
 * alone keeps both cores busy (a second file at once measured no faster:
 * docs/benchmarks.md), so they run one at a time, after the build tier.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/__tests__/*.test.ts', 'bench/__tests__/*.test.ts'],
          exclude: ['**/*.build.test.ts'],
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'src/**/__tests__/*.build.test.ts', 'bench/__tests__/*.build.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 2 } } },
    ],
  },
});
