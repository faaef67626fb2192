import { runRendererBench } from './run-renderer-bench';

/**
 * The renderer benchmark on its own (npm run bench includes it):
 *   npx vite build --ssr test/renderer-bench/standalone.ts --outDir out/renderer-bench
 *   node out/renderer-bench/standalone.js [--quick]
 */
const figures = await runRendererBench({
  quick: process.argv.includes('--quick'),
  log: (line) => process.stderr.write(`bench: ${line}\n`),
});
process.stdout.write(`${JSON.stringify(figures)}\n`);
