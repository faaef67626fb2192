import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CLI_PATH = resolve(__dirname, '../../out/cli/mm-tray-cli.js');

/** The built mm-tray-cli as a child process, its output collected line by line. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string | undefined> = {}) {
    if (!existsSync(CLI_PATH))
      throw new Error(`${CLI_PATH} is missing: run \`npm run build:cli\` first`);
    this.child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { ...process.env, MM_API_KEY: undefined, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  lines(): string[] {
    return this.stdout.split('\n').filter((line) => line.length > 0);
  }

  records(): Record<string, unknown>[] {
    return this.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
