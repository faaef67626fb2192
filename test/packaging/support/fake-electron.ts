import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Stand-ins for Electron's distributions, since the real ones cannot be downloaded here.
 * They hold what electron-builder touches while packaging (file layout, Info.plist files)
 * and a real fuse wire where Electron keeps it, so @electron/fuses flips it as it would
 * flip Electron's.
 */

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/** Electron's defaults, in FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions,
 * NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocol. */
export const STOCK_FUSE_WIRE = '10110001';

function binaryWithFuseWire(label: string): Buffer {
  return Buffer.concat([
    Buffer.from(`stand-in ${label}\n`),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, STOCK_FUSE_WIRE.length]),
    Buffer.from(STOCK_FUSE_WIRE),
  ]);
}

/** An unpacked Linux Electron: the `electron` executable, locales, licence. */
export async function makeFakeLinuxElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeFile(join(dir, 'electron'), binaryWithFuseWire('electron'));
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'locales/en-US.pak'), 'stand-in');
  await writeFile(join(dir, 'LICENSE'), 'stand-in');
  return dir;
}

const plist = (entries: Record<string, string>) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0"><dict>',
    ...Object.entries(entries).map(([key, value]) => `<key>${key}</key><string>${value}</string>`),
    '</dict></plist>',
  ].join('\n');

const MAC_HELPERS = ['', ' (Renderer)', ' (GPU)', ' (Plugin)'];

/** An unpacked macOS Electron.app: executable, framework (with the fuses), helper apps. */
export async function makeFakeMacElectron(dir: string): Promise<string> {
  const contents = join(dir, 'Electron.app/Contents');
  const framework = join(contents, 'Frameworks/Electron Framework.framework');
  await mkdir(join(contents, 'MacOS'), { recursive: true });
  await mkdir(join(contents, 'Resources'), { recursive: true });
  await mkdir(framework, { recursive: true });
  await writeFile(
    join(contents, 'Info.plist'),
    plist({
      CFBundleExecutable: 'Electron',
      CFBundleIdentifier: 'com.github.Electron',
      CFBundleName: 'Electron',
      CFBundleIconFile: 'electron.icns',
    }),
  );
  await writeFile(join(contents, 'MacOS/Electron'), 'stand-in');
  await chmod(join(contents, 'MacOS/Electron'), 0o755);
  await writeFile(join(contents, 'Resources/electron.icns'), 'stand-in');
  await writeFile(join(framework, 'Electron Framework'), binaryWithFuseWire('Electron Framework'));
  for (const suffix of MAC_HELPERS) {
    const helper = join(contents, `Frameworks/Electron Helper${suffix}.app/Contents`);
    await mkdir(join(helper, 'MacOS'), { recursive: true });
    await writeFile(
      join(helper, 'Info.plist'),
      plist({ CFBundleExecutable: `Electron Helper${suffix}` }),
    );
    await writeFile(join(helper, `MacOS/Electron Helper${suffix}`), 'stand-in');
  }
  return dir;
}

/**
 * A `codesign` that records its arguments: on Linux, @electron/fuses' ad-hoc re-signing
 * of a macOS app would otherwise fail for want of the tool.
 */
export async function makeFakeCodesign(binDir: string, logFile: string): Promise<void> {
  await mkdir(binDir, { recursive: true });
  const script = join(binDir, 'codesign');
  await writeFile(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${logFile}'\n`);
  await chmod(script, 0o755);
}
