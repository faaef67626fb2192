import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../common/app-id';
import { TRAY_ICON_NAMES, trayIconFile } from '../../main/tray/tray-icons';
import { type PackRun, packWithElectronBuilder } from './support/pack-run';

// electron-builder, with electron-builder.yml, builds the macOS app bundle (`dir` target,
// Apple silicon) from a stand-in Electron.app. Signing itself needs macOS and a
// certificate; what is checked here is everything around it.

let run: PackRun;
let infoPlist: string;

beforeAll(async () => {
  run = await packWithElectronBuilder('mac');
  infoPlist = readFileSync(join(run.appOutDir, 'MM Tray.app/Contents/Info.plist'), 'utf8');
});

afterAll(async () => {
  await run?.cleanup();
});

const plistString = (key: string) =>
  new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(infoPlist)?.[1];

describe('the app bundle', () => {
  it('carries the app id and starts as a tray-only (agent) app', () => {
    expect(plistString('CFBundleIdentifier')).toBe(APP_ID);
    expect(infoPlist).toMatch(/<key>LSUIElement<\/key>\s*<true\/>/);
  });

  it('records the hash of app.asar’s header for Electron’s integrity check', () => {
    const integrity =
      /<key>Resources\/app\.asar<\/key>\s*<dict>\s*<key>algorithm<\/key>\s*<string>SHA256<\/string>\s*<key>hash<\/key>\s*<string>([0-9a-f]{64})<\/string>/.exec(
        infoPlist,
      );
    expect(integrity?.[1]).toBe(run.app.headerHash);
  });

  it('has its fuses flipped in the Electron framework', async () => {
    const wire = await getCurrentFuseWire(join(run.appOutDir, 'MM Tray.app'));
    const state = (option: FuseV1Options) => String.fromCharCode(wire[option] ?? 0);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
  });

  it('is ad-hoc signed again after the fuses change, so an unsigned build still opens', () => {
    expect(run.codesignLog).toContain(
      `--sign - --force --preserve-metadata=entitlements,requirements,flags,runtime --deep ${join(run.appOutDir, 'MM Tray.app')}`,
    );
  });

  it('has the app code in app.asar and keytar’s native module beside it', () => {
    expect(run.app.files).toContain('out/main/index.js');
    expect(run.app.unpacked.has('node_modules/keytar/build/Release/keytar.node')).toBe(true);
  });

  it('has the macOS tray icons (templates and coloured alarms, 1x and 2x) in Resources/icons', () => {
    for (const name of TRAY_ICON_NAMES) {
      for (const demo of [false, true]) {
        const file = trayIconFile({ name, demo }, 'darwin');
        expect(run.app.resources).toContain(`icons/${file}`);
        expect(run.app.resources).toContain(`icons/${file.replace(/\.png$/, '@2x.png')}`);
      }
    }
    expect(run.app.resources.filter((file) => file.startsWith('icons/tray/linux/'))).toEqual([]);
    expect(run.app.resources).toContain('icon.icns');
  });
});

describe('signing and notarization without credentials', () => {
  it('are skipped, and the hooks say so', () => {
    expect(run.log).toContain('macOS code signing skipped: no CSC_LINK or CSC_NAME');
    expect(run.log).toContain('macOS notarization skipped: the app is not signed');
  });
});
