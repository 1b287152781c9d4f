import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: browser and build tests compete for them, so files run one at a time.
    fileParallelism: false,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
