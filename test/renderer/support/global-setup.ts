import { rmSync } from 'node:fs';
import { buildRenderer } from './build-renderer';
import { SCREENSHOT_DIR } from './screenshots';

/** Playwright's global setup: a fresh build of the renderer and an empty screenshot folder. */
export default async function globalSetup(): Promise<void> {
  await buildRenderer();
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
}
