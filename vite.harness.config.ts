import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The stand-in for the `electron` module that lets the whole-app test run the real main
// entry under Node. Test-only: never packaged.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/harness',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        register: 'test/app/fake-electron/register.ts',
        loader: 'test/app/fake-electron/loader.ts',
        'fake-electron': 'test/app/fake-electron/fake-electron.ts',
      },
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        'playwright-core',
        'electron',
      ],
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
});
