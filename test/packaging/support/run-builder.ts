import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';

export interface BuilderRun {
  projectDir: string;
  platform: 'linux' | 'mac';
  arch: 'x64' | 'arm64';
  electronDist: string;
  outputDir: string;
  /** Put first on PATH (stand-in tools). */
  binDir?: string;
}

/** Credentials a developer may have exported: a test run must neither use nor leak them. */
const CREDENTIALS = /^(CSC_|WIN_CSC_|APPLE_|GH_TOKEN$|GITHUB_TOKEN$|EP_|BT_TOKEN$|KEYGEN_)/;
/** Any download electron-builder would try goes here and fails at once. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * Runs electron-builder's CLI to build the unpacked app (`dir` target) with the project's
 * electron-builder.yml, overriding only: the Electron distribution (a stand-in), the native
 * rebuild (it needs Electron's headers from the network) and the output folder.
 * Resolves with its log.
 */
export function runElectronBuilder(run: BuilderRun): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!CREDENTIALS.test(name)) env[name] = value;
  }
  Object.assign(env, {
    HTTP_PROXY: NOWHERE,
    HTTPS_PROXY: NOWHERE,
    http_proxy: NOWHERE,
    https_proxy: NOWHERE,
    NO_PROXY: '',
    ELECTRON_BUILDER_CACHE: join(run.outputDir, '.cache'),
    PATH: run.binDir ? `${run.binDir}:${process.env.PATH ?? ''}` : process.env.PATH,
  });
  const args = [
    join(ROOT, 'node_modules/electron-builder/cli.js'),
    `--${run.platform}`,
    'dir',
    `--${run.arch}`,
    '--projectDir',
    run.projectDir,
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    `-c.electronDist=${run.electronDist}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${run.outputDir}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: run.projectDir, env, maxBuffer: 16 * 1024 * 1024, timeout: 100_000 },
      (error, stdout, stderr) => {
        const log = `${stdout}${stderr}`;
        if (error) reject(new Error(`electron-builder failed: ${error.message}\n${log}`));
        else resolve(log);
      },
    );
  });
}
