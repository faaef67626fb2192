import { defineConfig } from 'vitest/config';

// The tests against a real OS keychain. Run them with `npm run test:keychain`, which
// provides an unlocked Secret Service (scripts/with-keyring.sh).
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
