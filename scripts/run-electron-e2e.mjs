// Runs the Playwright `_electron` specs when Electron's binary is installed; otherwise
// says they were not run, and why. (The binary cannot be downloaded on the project's
// machines; elsewhere `npx install-electron` fetches it.)
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectronBinary } from './electron-binary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Playwright's command-line entry (what `npx playwright` would run). */
export const playwrightCli = () => createRequire(import.meta.url).resolve('@playwright/test/cli');

/**
 * The command that runs the specs, relative to the project folder, or why there is none.
 * Node itself runs Playwright's CLI: spawning `npx` without a shell fails on Windows,
 * where it is npx.cmd (nodejs/node#52685). On Linux the specs get a private Secret
 * Service (scripts/with-keyring.sh), since the app stores the key there, and a virtual
 * display (xvfb-run) when there is no X or Wayland one.
 */
export function electronE2eCommand({ platform, env, nodePath, cliPath, commandExists }) {
  const playwright = [nodePath, cliPath, 'test', '--config', 'playwright.electron.config.ts'];
  if (platform !== 'linux') {
    const [command, ...args] = playwright;
    return { command, args };
  }
  const hasDisplay = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (!hasDisplay && !commandExists('xvfb-run')) {
    return {
      problem:
        'there is no display (DISPLAY and WAYLAND_DISPLAY are unset) and xvfb-run, which would ' +
        'provide one, is missing: install it (e.g. sudo apt-get install xvfb) or run in a desktop session',
    };
  }
  const display = hasDisplay ? [] : ['xvfb-run', '-a'];
  return { command: 'bash', args: ['scripts/with-keyring.sh', ...display, ...playwright] };
}

const onPath = (name) =>
  spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;

function main() {
  const { binary, expected } = installedElectronBinary();
  if (!binary) {
    console.log(
      'Electron end-to-end specs: NOT RUN — the Electron binary is not installed ' +
        `(${expected} is missing; run \`npx install-electron\` where downloads are possible). ` +
        'The same scenarios run in the whole-app test (npm run test:app) against real Chromium pages.',
    );
    return 0;
  }
  const plan = electronE2eCommand({
    platform: process.platform,
    env: process.env,
    nodePath: process.execPath,
    cliPath: playwrightCli(),
    commandExists: onPath,
  });
  if (plan.problem) {
    console.error(`Electron end-to-end specs: cannot run — ${plan.problem}.`);
    return 1;
  }
  const result = spawnSync(plan.command, plan.args, { stdio: 'inherit', cwd: ROOT });
  if (result.error) {
    console.error(
      `Electron end-to-end specs: could not start ${plan.command}: ${result.error.message}`,
    );
    return 1;
  }
  if (result.signal) console.error(`Electron end-to-end specs: stopped by ${result.signal}`);
  return result.status ?? 1;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main());
}
