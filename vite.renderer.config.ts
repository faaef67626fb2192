import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer alone, as electron.vite.config.ts builds it (same root, base and output):
// the Playwright suite and the renderer benchmark build with this so they do not depend
// on the main and preload builds.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
});
