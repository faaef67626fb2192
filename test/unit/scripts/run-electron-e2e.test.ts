import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { electronE2eCommand, playwrightCli } from '../../../scripts/run-electron-e2e.mjs';

const NODE = '/usr/local/bin/node';
const CLI = '/repo/node_modules/@playwright/test/cli.js';
const PLAYWRIGHT = [NODE, CLI, 'test', '--config', 'playwright.electron.config.ts'];

const commandFor = (
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  commandExists: (name: string) => boolean = () => true,
) => electronE2eCommand({ platform, env, nodePath: NODE, cliPath: CLI, commandExists });

describe('the command that runs the Electron specs', () => {
  it('runs Playwright’s CLI with Node itself on Windows, not npx (npx.cmd needs a shell)', () => {
    expect(commandFor('win32', {})).toEqual({
      command: NODE,
      args: [CLI, 'test', '--config', 'playwright.electron.config.ts'],
    });
  });

  it('does the same on macOS, where the real keychain and display are there', () => {
    expect(commandFor('darwin', {})).toEqual({ command: NODE, args: PLAYWRIGHT.slice(1) });
  });

  it('gives the specs a private Secret Service on Linux, and the desktop’s display when there is one', () => {
    for (const env of [{ DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'wayland-0' }]) {
      const commandExists = vi.fn(() => true);
      expect(commandFor('linux', env, commandExists)).toEqual({
        command: 'bash',
        args: ['scripts/with-keyring.sh', ...PLAYWRIGHT],
      });
      expect(commandExists).not.toHaveBeenCalled();
    }
  });

  it('runs under xvfb-run on a headless Linux machine', () => {
    expect(commandFor('linux', { DISPLAY: '' })).toEqual({
      command: 'bash',
      args: ['scripts/with-keyring.sh', 'xvfb-run', '-a', ...PLAYWRIGHT],
    });
  });

  it('says that xvfb-run is missing instead of letting Electron fail without a display', () => {
    const commandExists = vi.fn((name: string) => name !== 'xvfb-run');
    const plan = commandFor('linux', {}, commandExists);
    expect(commandExists).toHaveBeenCalledWith('xvfb-run');
    expect(plan).toEqual({ problem: expect.stringContaining('xvfb-run') });
    expect(plan).toEqual({ problem: expect.stringContaining('apt-get install xvfb') });
  });

  it('finds Playwright’s CLI in @playwright/test', () => {
    expect(playwrightCli()).toMatch(/[\\/]@playwright[\\/]test[\\/]cli\.js$/);
    expect(existsSync(playwrightCli())).toBe(true);
  });
});
