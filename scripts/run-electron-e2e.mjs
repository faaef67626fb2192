// Runs the Playwright `_electron` specs when Electron's binary is installed; otherwise
// says they were not run, and why. (The binary cannot be downloaded on the project's
// machines; elsewhere `npx install-electron` fetches it.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installedElectronBinary } from './electron-binary.mjs';

const { binary, electronDir } = installedElectronBinary();
if (!binary) {
  console.log(
    'Electron end-to-end specs: NOT RUN — the Electron binary is not installed ' +
      `(${join(electronDir, 'dist')} is missing; run \`npx install-electron\` where downloads are possible). ` +
      'The same scenarios run in the whole-app test (npm run test:app) against real Chromium pages.',
  );
  process.exit(0);
}
const result = spawnSync(
  'npx',
  ['playwright', 'test', '--config', 'playwright.electron.config.ts'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
