import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A new database gets the small bundled dataset, not the world (tests of the world load it on purpose).
    env: { TWINNING_DATASET: 'bundled' },
    reporters: ['default', new SummaryReporter()],
  },
});
