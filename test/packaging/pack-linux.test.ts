import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAY_ICON_NAMES, trayIconFile } from '../../main/tray/tray-icons';
import { STOCK_FUSE_WIRE } from './support/fake-electron';
import { type PackRun, packWithElectronBuilder } from './support/pack-run';
import { bareImports, listFiles, packageOf, packedPackages } from './support/packed-app';
import { ROOT } from './support/paths';

// electron-builder itself, with electron-builder.yml, packs the app for Linux (`dir`
// target) from a staged copy of the project planted with decoys; these tests read what
// it produced. Only the Electron binary is a stand-in.

let run: PackRun;

beforeAll(async () => {
  run = await packWithElectronBuilder('linux');
});

afterAll(async () => {
  await run?.cleanup();
});

const APP_FILES = /^(out\/(main|preload|renderer)\/|package\.json$)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Bundled into out/renderer by Vite, or (electron-log) not loaded at all. */
const NOT_NEEDED_AT_RUN_TIME = [
  'react',
  'react-dom',
  'scheduler',
  '@tanstack/react-virtual',
  '@tanstack/virtual-core',
  'electron-log',
];

describe('the app code', () => {
  it('has the main, preload and renderer bundles, as built', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(run.app.files).toContain(file);
      expect(run.app.read(file).equals(readFileSync(join(run.staged.projectDir, file)))).toBe(true);
    }
  });

  it('has package.json pointing Electron at the main bundle', () => {
    const manifest = JSON.parse(run.app.read('package.json').toString('utf8'));
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.type).toBe('module');
    // Electron's name for itself on Linux (notifications' desktop-entry hint, the Wayland
    // app id): the desktop file the packages install (config.test.ts ties it to the config).
    expect(manifest.desktopName).toBe('mm-tray.desktop');
  });

  it('has every script and stylesheet the dashboard page loads', () => {
    const html = run.app.read('out/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(run.app.files).toContain(`out/renderer/${asset}`);
  });

  it('has nothing else from the project: no sources, tests, CLI or test harness', () => {
    const outsideNodeModules = run.app.files.filter((file) => !file.startsWith('node_modules/'));
    expect(outsideNodeModules.filter((file) => !APP_FILES.test(file))).toEqual([]);
  });
});

describe('what stays out', () => {
  it('has no source map, TypeScript, test file, CLI or harness anywhere, node_modules included', () => {
    const unwanted = run.app.files.filter(
      (file) =>
        /\.map$/.test(file) ||
        /\.(ts|tsx|mts|cts)$/.test(file) ||
        /(^|\/)(test|tests|__tests__|__mocks__)\//.test(file) ||
        /\.(test|spec)\.[cm]?js$/.test(file) ||
        /^out\/(cli|harness)\//.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  it('has no secret the project folder held: .env, .npmrc, settings files', () => {
    const secrets = run.app.files.filter((file) =>
      /(^|\/)(\.env|\.npmrc|settings\.json)/.test(file),
    );
    expect(secrets).toEqual([]);
  });

  it('carries the decoy key in no file at all', () => {
    // The decoys were there to be picked up …
    for (const decoy of run.staged.decoys) {
      expect(existsSync(join(run.staged.projectDir, decoy)), decoy).toBe(true);
    }
    // … and no byte of the packaged app (asar, unpacked files, resources, binary) holds it.
    const holding = listFiles(run.appOutDir).filter((file) =>
      readFileSync(join(run.appOutDir, file)).includes(run.staged.decoyKey),
    );
    expect(holding).toEqual([]);
  });

  it('has no UUID in the app code that is not in the committed sources (the demo keys are)', () => {
    const sources = ['main', 'common', 'preload', 'renderer']
      .flatMap((dir) => listFiles(join(ROOT, dir)).map((file) => join(ROOT, dir, file)))
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const appCode = run.app.files.filter((file) => file.startsWith('out/'));
    const unknown = appCode.flatMap((file) =>
      [...run.app.read(file).toString('utf8').matchAll(UUID)]
        .map((match) => match[0])
        .filter((uuid) => !sources.includes(uuid)),
    );
    expect(unknown).toEqual([]);
  });

  it('does not pack again what Vite bundled into the renderer', () => {
    const packed = packedPackages(run.app);
    expect(NOT_NEEDED_AT_RUN_TIME.filter((name) => packed.has(name))).toEqual([]);
  });

  it('packs no dev dependency', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const packed = packedPackages(run.app);
    expect(Object.keys(manifest.devDependencies).filter((name) => packed.has(name))).toEqual([]);
  });

  it('stays small: under 8 MB of app code and modules', () => {
    const resources = run.app.resourcesDir;
    const size = listFiles(resources)
      .filter((file) => file === 'app.asar' || file.startsWith('app.asar.unpacked/'))
      .reduce((total, file) => total + statSync(join(resources, file)).size, 0);
    expect(size).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('the modules main loads at run time', () => {
  it('are all packed, and load from the packed app', () => {
    const packed = packedPackages(run.app);
    const builtins = new Set(builtinModules);
    const imported = [...bareImports(run.app.read('out/main/index.js').toString('utf8'))]
      .filter((specifier) => !specifier.startsWith('node:') && !builtins.has(specifier))
      .map(packageOf)
      .filter((name) => name !== 'electron');
    expect(imported).toEqual(expect.arrayContaining(['keytar', 'ws', 'zod']));
    expect(imported.filter((name) => !packed.has(name))).toEqual([]);

    // What the packed app would load at run time, loaded from an extracted copy of it:
    // a runtime dependency left out fails here, an install-time one (prebuild-install,
    // node-addon-api, which electron-builder may or may not pack) does not matter.
    const extracted = mkdtempSync(join(tmpdir(), 'mm-tray-asar-'));
    try {
      extractAll(join(run.app.resourcesDir, 'app.asar'), extracted);
      const script = imported.map((name) => `require(${JSON.stringify(name)});`).join('');
      const result = spawnSync(process.execPath, ['-e', script], {
        cwd: extracted,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(extracted, { recursive: true, force: true });
    }
  });

  it('keep their licence files', () => {
    const missing = [...packedPackages(run.app)].flatMap((name) =>
      readdirSync(join(ROOT, 'node_modules', name))
        .filter((file) => /^licen[cs]e/i.test(file))
        .map((file) => `node_modules/${name}/${file}`)
        .filter((file) => !run.app.files.includes(file)),
    );
    expect(missing).toEqual([]);
  });

  it('include keytar’s native module outside the asar, where Node can load it', () => {
    const nativeModule = 'node_modules/keytar/build/Release/keytar.node';
    expect(run.app.unpacked.has(nativeModule)).toBe(true);
    const onDisk = join(run.app.resourcesDir, 'app.asar.unpacked', nativeModule);
    expect(
      readFileSync(onDisk).equals(
        readFileSync(join(ROOT, 'node_modules/keytar', 'build/Release/keytar.node')),
      ),
    ).toBe(true);
    expect(run.app.files.filter((file) => file.endsWith('.node'))).toEqual([nativeModule]);
  });
});

describe('the icons', () => {
  it('are in resources/icons, as main expects when packaged: all Linux tray icons, 1x and 2x', () => {
    for (const name of TRAY_ICON_NAMES) {
      for (const demo of [false, true]) {
        const file = trayIconFile({ name, demo }, 'linux');
        expect(run.app.resources).toContain(`icons/${file}`);
        expect(run.app.resources).toContain(`icons/${file.replace(/\.png$/, '@2x.png')}`);
      }
    }
    expect(run.app.resources).toContain('icons/app/png/256x256.png');
  });

  it('leave out the other systems’ tray icons and everything but the icons', () => {
    expect(
      run.app.resources.filter((file) => !/^icons\/(tray\/linux|app\/png)\//.test(file)),
    ).toEqual([]);
  });
});

/** The fuse wire as { RunAsNode: '0', … } ('0' off, '1' on, as Electron stores them). */
function fuseStates(wire: Awaited<ReturnType<typeof getCurrentFuseWire>>): Record<string, string> {
  const states: Record<string, string> = {};
  for (const [index, state] of Object.entries(wire)) {
    const name = FuseV1Options[Number(index)];
    if (name !== undefined && typeof state === 'number') states[name] = String.fromCharCode(state);
  }
  return states;
}

const FLIPPED = {
  RunAsNode: '0',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
};

describe('the executable', () => {
  it('is named mm-tray and has its fuses flipped', async () => {
    const binary = join(run.appOutDir, 'mm-tray');
    expect(readdirSync(run.appOutDir)).toContain('mm-tray');
    const wire = await getCurrentFuseWire(binary);
    expect(fuseStates(wire)).toMatchObject(FLIPPED);
    // The rest keep Electron's defaults.
    for (const option of [
      FuseV1Options.EnableCookieEncryption,
      FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      FuseV1Options.GrantFileProtocolExtraPrivileges,
    ]) {
      expect(fuseStates(wire)[FuseV1Options[option]]).toBe(STOCK_FUSE_WIRE[option]);
    }
  });
});
