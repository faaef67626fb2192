import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Electron's binary when it is installed, else null (it is downloaded on first use). */
export function installedElectronBinary() {
  const require = createRequire(import.meta.url);
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { binary: null, electronDir };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return { binary: existsSync(binary) ? binary : null, electronDir };
}
