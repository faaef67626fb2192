// Runs before `npm start` and `npm test`: installs the dependencies on a fresh clone
// (or after package-lock.json changed), so the quick start is two commands.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
/** On Linux, keytar's native build needs a compiler and libsecret: ask for them first. */
function ensureBuildPackages() {
  if (process.platform !== 'linux') return;
  const result = spawnSync('bash', ['scripts/ensure-system-packages.sh', '--build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (stale) {
  ensureBuildPackages();
  console.log('Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
