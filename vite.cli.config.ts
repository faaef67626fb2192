import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The headless CLI, the standalone simulator and the benchmark: Node programs built
// from the same engine the desktop app runs. Packages stay external (node_modules).
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const external = (id: string) =>
  builtins.has(id) || /^(@[\w-][\w.-]*\/)?[\w-][\w.-]*(\/.*)?$/.test(id);

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
        'mm-bench-worker': 'test/bench/worker-main.ts',
        'bench-load-server': 'test/bench/load-server.ts',
      },
      external,
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
