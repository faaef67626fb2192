import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/** The built dashboard, as Electron loads it. */
export const RENDERER_INDEX = resolve(process.cwd(), 'out/renderer/index.html');
export const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;

/** Builds the renderer alone (vite.renderer.config.ts: same output as electron-vite's). */
export async function buildRenderer(): Promise<void> {
  await build({ configFile: resolve(process.cwd(), 'vite.renderer.config.ts'), logLevel: 'warn' });
  if (!existsSync(RENDERER_INDEX)) throw new Error(`renderer build wrote no ${RENDERER_INDEX}`);
}
