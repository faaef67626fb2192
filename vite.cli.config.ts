import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The headless CLI, the standalone simulator and the benchmark: Node programs built
// from the same engine the desktop app runs. Dependencies stay external (node_modules).
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'ws',
  'zod',
  'keytar',
];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/cli',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        'mm-tray-cli': 'main/cli/index.ts',
        'mm-simulator': 'main/simulator/standalone.ts',
        'mm-bench': 'test/bench/index.ts',
        'bench-load-server': 'test/bench/load-server.ts',
      },
      external,
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
