import { defineConfig } from 'vitest/config';

// The benchmark's contract, not its figures: a quick run of `npm run bench` completes and
// its last line is the JSON object the README describes. Needs `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/bench-contract/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    pool: 'forks',
  },
});
