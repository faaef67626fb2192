// Runs before `npm start` and `npm test`: installs the dependencies on a fresh clone
// (or after package-lock.json changed), so the quick start is two commands.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isSupportedNode, SUPPORTED_NODE } from './node-version.mjs';

if (!isSupportedNode(process.versions.node)) {
  console.error(
    `MM Tray's tools need Node ${SUPPORTED_NODE}; this is Node ${process.versions.node}.\n` +
      'Install a current Node, or on Linux run `source scripts/use-node.sh`, which puts Node 24 from the npm registry first on PATH.',
  );
  process.exit(1);
}

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
/**
 * On Linux, building keytar's native module needs a compiler and libsecret. A user who
 * cannot install them (not root) is told which, and npm ci still runs: keytar may find a
 * prebuilt binary instead.
 */
function ensureBuildPackages() {
  if (process.platform !== 'linux') return;
  const result = spawnSync('bash', ['scripts/ensure-system-packages.sh', '--build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) console.error('Going on: npm ci may still find a prebuilt keytar.');
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
