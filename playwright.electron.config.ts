import { defineConfig } from '@playwright/test';

// Playwright's Electron driver against the real app. These specs need Electron's own
// binary, which cannot be downloaded on the project's machines: `npm run test:electron`
// runs them where the binary exists and says so, with the reason, where it does not.
export default defineConfig({
  // A test.only left in a spec would otherwise run alone, and pass, in CI.
  forbidOnly: Boolean(process.env.CI),
  testDir: 'test/electron',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
