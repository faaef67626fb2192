import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed `electron` package's folder (resolving it does not download anything). */
export function electronPackageDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * Electron's binary when it is installed, else null (it is downloaded on first use), and
 * where it was looked for. Finds it the way `require('electron')` (electron/index.js) does,
 * which is also what Playwright launches: ELECTRON_OVERRIDE_DIST_PATH first, then
 * dist/ inside the package, the executable's name read from path.txt.
 */
export function installedElectronBinary({
  env = process.env,
  electronDir = electronPackageDir(),
} = {}) {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const found = (path) => ({ binary: existsSync(path) ? path : null, electronDir, expected: path });
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return found(join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron'));
  }
  if (!executable) return { binary: null, electronDir, expected: join(electronDir, 'dist') };
  return found(join(electronDir, 'dist', executable));
}
