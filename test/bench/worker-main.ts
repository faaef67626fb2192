import { workerMain } from './worker';

/**
 * The entry of every measurement process: only the code it measures, so its heap holds
 * what a real client's would (the bench's own entry loads Playwright for the renderer).
 */
workerMain(process.argv[2] ?? '{}');
