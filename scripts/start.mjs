// `npm start`: builds MM Tray and runs it. Electron fetches its binary on first use; where
// that is impossible (no network), the same engine runs headless against the built-in
// simulator instead, and this says so.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installedElectronBinary } from './electron-binary.mjs';

const run = (command, args) => {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', 'build']);
let { binary, electronDir } = installedElectronBinary();
if (!binary) {
  console.log('Fetching the Electron binary…');
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
  });
  if (install.status === 0) binary = installedElectronBinary().binary;
}
if (binary) {
  run('npx', ['electron-vite', 'preview', '--skipBuild']);
} else {
  console.log(
    '\nElectron could not be installed here (its binary is downloaded on first use), so MM Tray runs headless:\n' +
      'the same feed engine and notification policy against the built-in simulator. Ctrl+C stops it.\n',
  );
  run('node', ['out/cli/mm-tray-cli.js', '--demo']);
}
