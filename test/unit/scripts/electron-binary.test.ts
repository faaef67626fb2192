import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../../scripts/electron-binary.mjs';

let scratch: string;
let electronDir: string;

/** An executable file at `path` (its content does not matter here). */
function plant(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  return path;
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'mm-tray-electron-binary-'));
  electronDir = join(scratch, 'node_modules/electron');
  mkdirSync(electronDir, { recursive: true });
});

afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('finding the Electron binary', () => {
  it('uses dist/ with the name path.txt gives, once downloaded', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(installedElectronBinary({ env: {}, electronDir }).binary).toBeNull();
    const binary = plant(join(electronDir, 'dist/electron'));
    expect(installedElectronBinary({ env: {}, electronDir })).toEqual({
      binary,
      electronDir,
      expected: binary,
    });
  });

  it('has none before path.txt is written, and says where it looked', () => {
    expect(installedElectronBinary({ env: {}, electronDir })).toEqual({
      binary: null,
      electronDir,
      expected: join(electronDir, 'dist'),
    });
  });

  it('takes ELECTRON_OVERRIDE_DIST_PATH first, as require("electron") does', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    plant(join(electronDir, 'dist/Electron.app/Contents/MacOS/Electron'));
    const override = join(scratch, 'custom-electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    const expected = join(override, 'Electron.app/Contents/MacOS/Electron');
    expect(installedElectronBinary({ env, electronDir })).toEqual({
      binary: null,
      electronDir,
      expected,
    });
    plant(expected);
    expect(installedElectronBinary({ env, electronDir }).binary).toBe(expected);
  });

  it('looks for "electron" in the override folder when path.txt is missing', () => {
    const override = join(scratch, 'custom-electron');
    const binary = plant(join(override, 'electron'));
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(installedElectronBinary({ env, electronDir }).binary).toBe(binary);
  });
});
