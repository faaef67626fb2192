import { defineConfig } from 'vitest/config';

// The whole-app test: the real main entry under Node with the stand-in `electron`, real
// Chromium pages and a real Secret Service (run under scripts/with-keyring.sh).
export default defineConfig({
  test: {
    include: ['test/app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
