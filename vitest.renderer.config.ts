import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dashboard's component tests: a DOM (jsdom) and Testing Library. The Playwright
// suite (playwright.config.ts) covers the built page in Chromium.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/renderer/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['test/renderer/unit/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
