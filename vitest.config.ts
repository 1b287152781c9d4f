import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run by `npm run test:unit`, `test:build` and `test:e2e` (`npm test` runs
 * them in that order). Unit files need no build and run two at a time (two cores); build
 * and e2e files start builds, browsers and servers that want both cores, so they run one
 * file at a time, build before e2e. Unit files mock and stub nothing, so each worker keeps
 * one module cache for all of its files (isolate: false); importing the analyser and
 * Astro's parser per file was half of the tier's time.
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
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 2 } } },
    ],
  },
});
