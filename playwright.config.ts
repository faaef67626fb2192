import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium';

// The dashboard in Debian's Chromium: the built renderer (out/renderer, built by the
// global setup) from file://, fed by a fake window.mmTray. Screenshots go to
// test-results/renderer-screenshots/.
export default defineConfig({
  testDir: 'test/renderer/e2e',
  outputDir: 'test-results/renderer',
  globalSetup: './test/renderer/support/global-setup.ts',
  workers: 1,
  // A test.only left in a spec would otherwise run alone, and pass, in CI.
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/London',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
