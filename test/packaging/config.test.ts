import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration, FileSet, TargetConfiguration } from 'electron-builder';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../common/app-id';
import { DEFAULT_ACCOUNT, KEYCHAIN_SERVICE } from '../../main/secrets/keytar-secret-store';
import { TRAY_ICON_NAMES, trayIconFile } from '../../main/tray/tray-icons';
import { createConfigValidator, loadBuilderConfig } from './support/builder-config';
import { GENERATED_ICONS, ROOT } from './support/paths';

/** `${name}`, an electron-builder (or NSIS) macro as written in the configuration. */
const macro = (name: string) => `\${${name}}`;

/** A platform's `target` setting as { name: archs }. */
function targetsOf(setting: unknown): Record<string, string[]> {
  const list = [setting ?? []].flat() as Array<string | TargetConfiguration>;
  return Object.fromEntries(
    list.map((entry) =>
      typeof entry === 'string' ? [entry, []] : [entry.target, [entry.arch ?? []].flat()],
    ),
  );
}

const fileInRepo = (path: string | null | undefined) => {
  expect(path, 'a path').toBeTypeOf('string');
  expect(existsSync(join(ROOT, path as string)), `${path} exists`).toBe(true);
  return readFileSync(join(ROOT, path as string), 'utf8');
};

/**
 * The command line electron-builder's own AppImage target puts in the AppImage's desktop
 * entry (Exec=) for a configuration, taken from the target before it builds anything.
 */
async function appImageDesktopExec(options: Configuration): Promise<string> {
  type AppImageModule = typeof import('app-builder-lib/out/targets/appimage/AppImageTarget');
  const { default: AppImageTarget } = createRequire(import.meta.url)(
    'app-builder-lib/out/targets/appimage/AppImageTarget',
  ) as AppImageModule;
  const execs: string[] = [];
  const helper = {
    computeDesktopEntry: async (_options: unknown, exec: string) => {
      execs.push(exec);
      return '';
    },
  };
  const packager = {
    platformSpecificBuildOptions: options.linux ?? {},
    config: options,
    appInfo: { buildVersion: '0.1.0' },
  };
  const target = new AppImageTarget('', packager as never, helper as never, '');
  await (target as unknown as { desktopEntry: { value: Promise<string> } }).desktopEntry.value;
  expect(execs).toHaveLength(1);
  return execs[0] as string;
}

let config: Configuration;
let validate: (config: unknown) => unknown[];

beforeAll(async () => {
  config = await loadBuilderConfig();
  validate = await createConfigValidator();
});

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('is valid', () => {
    expect(validate(config)).toEqual([]);
  });

  it('would be caught with an option electron-builder does not know or a wrong type', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } })).not.toEqual([]);
    expect(validate({ ...config, asar: 'yes' })).not.toEqual([]);
    expect(validate({ ...config, afterSign: 42 })).not.toEqual([]);
  });
});

describe('identity and artifacts', () => {
  it('uses the app id main uses as the Windows AppUserModelID, and the product name', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('names every artifact with the version, OS and arch', () => {
    for (const name of ['version', 'os', 'arch', 'ext']) {
      expect(config.artifactName).toContain(macro(name));
    }
    const overrides = [
      config.mac,
      config.win,
      config.linux,
      config.dmg,
      config.nsis,
      config.appImage,
    ];
    for (const options of overrides) expect(options?.artifactName ?? undefined).toBeUndefined();
  });

  it('writes installers to dist/, which git ignores', () => {
    expect(config.directories?.output).toBe('dist');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^dist\/?$/m);
  });
});

describe('what is packed', () => {
  it('packs into an asar, with native modules (keytar) unpacked beside it', () => {
    expect(config.asar).toBe(true);
    const unpack = [config.asarUnpack ?? []].flat();
    expect(
      unpack.some((pattern) => minimatch('node_modules/keytar/build/Release/keytar.node', pattern)),
    ).toBe(true);
  });

  it('takes the built main, preload and renderer and package.json, nothing else from the project', () => {
    const files = [config.files ?? []].flat() as Array<string | FileSet>;
    const included = files.filter((entry) => typeof entry === 'string' && !entry.startsWith('!'));
    expect(included).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(files).toContain('!**/*.map');
  });

  it('ships the icons where main looks for them when packaged, this OS’s tray icons only', () => {
    const resources = [config.extraResources ?? []].flat() as FileSet[];
    expect(resources).toEqual([
      {
        from: 'build/icons/generated',
        to: 'icons',
        filter: [`tray/${macro('os')}/**`, 'app/png/**'],
      },
    ]);
  });

  it('finds every tray icon main asks for in the folder the os macro names, for each OS', () => {
    expect(existsSync(GENERATED_ICONS), 'icons generated (npm run icons)').toBe(true);
    const folders = { mac: 'darwin', win: 'win32', linux: 'linux' } as const;
    for (const [os, platform] of Object.entries(folders)) {
      for (const name of TRAY_ICON_NAMES) {
        for (const demo of [false, true]) {
          const file = trayIconFile({ name, demo }, platform);
          expect(file.startsWith(`tray/${os}/`), file).toBe(true);
          expect(existsSync(join(GENERATED_ICONS, file)), file).toBe(true);
        }
      }
    }
    expect(existsSync(join(GENERATED_ICONS, 'app/png/256x256.png'))).toBe(true);
  });
});

describe('Electron fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and inspect arguments; loads only a verified app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      resetAdHocDarwinSignature: true,
    });
  });
});

describe('macOS', () => {
  it('builds a dmg and a zip for Apple silicon and Intel', () => {
    expect(targetsOf(config.mac?.target)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    fileInRepo(config.mac?.icon);
  });

  it('starts without a Dock icon (tray-first)', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
  });

  it('signs with the hardened runtime and only the entitlements Electron and the feed need', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
    const plist = fileInRepo(config.mac?.entitlements);
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]);
    expect(granted.sort()).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.cs.allow-unsigned-executable-memory',
      'com.apple.security.network.client',
    ]);
    expect(plist.match(/<key>/g)).toHaveLength(granted.length);
  });

  it('leaves notarization to the afterSign hook, and has the beforePack hook say what will happen', () => {
    expect(config.mac?.notarize).toBe(false);
    fileInRepo(config.afterSign as string);
    fileInRepo(config.beforePack as string);
  });
});

describe('Windows', () => {
  it('builds a per-user NSIS installer that never asks for admin rights', () => {
    expect(targetsOf(config.win?.target)).toEqual({ nsis: ['x64'] });
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(config.win?.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
    fileInRepo(config.win?.icon);
  });

  it('creates the Start-menu shortcut notifications need', () => {
    expect(config.nsis?.createStartMenuShortcut).toBe(true);
  });

  it('asks on uninstall whether to remove the user data, key included', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    const script = fileInRepo(config.nsis?.include);
    expect(script).toContain('!macro customUnInstall');
    expect(script).toMatch(/MessageBox MB_YESNO\|[A-Z_|]*MB_DEFBUTTON2/);
    expect(script).toContain(macro('isUpdated'));
    expect(script).toContain(`"$APPDATA\\${PRODUCT_NAME}"`);
    expect(script).toContain(`"${KEYCHAIN_SERVICE}/${DEFAULT_ACCOUNT}"`);
  });

  it('removes the start-at-login entry on uninstall (Electron names it after the app id)', () => {
    const script = fileInRepo(config.nsis?.include);
    expect(script).toContain(`!define MM_TRAY_LOGIN_ITEM "${APP_ID}"`);
    for (const key of [
      'Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      'Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run',
    ]) {
      expect(script).toContain(`DeleteRegValue HKCU "${key}" "\${MM_TRAY_LOGIN_ITEM}"`);
    }
  });
});

describe('Linux', () => {
  it("names the installed desktop file as Electron's desktopName", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.desktopName).toBe(`${config.linux?.executableName}.desktop`);
  });

  it('builds an AppImage, a deb, an rpm and a tar.gz', () => {
    expect(targetsOf(config.linux?.target)).toEqual({
      AppImage: ['x64'],
      deb: ['x64'],
      rpm: ['x64'],
      'tar.gz': ['x64'],
    });
    const iconDir = join(ROOT, config.linux?.icon ?? '');
    expect(readdirSync(iconDir)).toContain('512x512.png');
  });

  it('keeps Chromium’s sandbox on in the AppImage’s desktop entry (electron-builder turns it off by default)', async () => {
    expect(config.appImage?.executableArgs).toEqual([]);
    expect(await appImageDesktopExec(config)).toBe('AppRun %U');
    const { appImage: _ours, ...withDefaults } = config;
    expect(await appImageDesktopExec(withDefaults)).toContain('--no-sandbox');
  });

  it('makes the deb depend on libnotify, libsecret and an AppIndicator library', () => {
    const depends = config.deb?.depends ?? [];
    expect(depends).toContain('libnotify4');
    expect(depends).toContain('libsecret-1-0');
    expect(depends).toContain('libayatana-appindicator3-1 | libappindicator3-1');
  });

  it('gives the rpm the same three', () => {
    const depends = (config.rpm?.depends ?? []).join(' ');
    expect(depends).toContain('libnotify');
    expect(depends).toContain('libsecret');
    expect(depends).toContain('appindicator');
  });
});
