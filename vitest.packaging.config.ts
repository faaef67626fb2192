import { defineConfig } from 'vitest/config';

// The installer configuration: electron-builder.yml against electron-builder's schema, the
// signing hooks, and real electron-builder runs (Linux and macOS folders, offline, against
// stand-in Electron distributions) that show what an installer would contain. Needs the
// built app: `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
