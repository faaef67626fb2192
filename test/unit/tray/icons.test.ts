import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALARM_ICONS,
  TRAY_ICON_NAMES,
  type TrayIcon,
  trayIconFile,
} from '../../../main/tray/tray-icons';
import { decodePng, icnsEntries, icoEntries, pngSize } from './png-file';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../../build/generate-icons.mjs');
const SOURCES = join(import.meta.dirname, '../../../build/icons/src');

const ICONS: TrayIcon[] = TRAY_ICON_NAMES.flatMap((name) => [
  { name, demo: false },
  { name, demo: true },
]);
const at2x = (path: string) => path.replace(/\.png$/, '@2x.png');
const APP_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

let out: string;
let again: string;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const file = (path: string) => readFile(join(out, path));

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'mm-icons-'));
  again = await mkdtemp(join(tmpdir(), 'mm-icons-'));
  await run(process.execPath, [SCRIPT, '--out', out]);
  await run(process.execPath, [SCRIPT], { env: { ...process.env, ICONS_OUT_DIR: again } });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(again, { recursive: true, force: true });
});

describe('generated tray icons', () => {
  it('are exactly the files trayIconFile() names, for every state, DEMO too', async () => {
    const expected = new Set<string>();
    for (const icon of ICONS) {
      expected.add(trayIconFile(icon, 'darwin'));
      expected.add(at2x(trayIconFile(icon, 'darwin')));
      expected.add(trayIconFile(icon, 'linux'));
      expected.add(at2x(trayIconFile(icon, 'linux')));
      expected.add(trayIconFile(icon, 'win32'));
    }
    const trayFiles = (await listFiles(out)).filter((f) => f.startsWith('tray/'));
    expect(trayFiles).toEqual([...expected].sort());
  });

  it('uses templates on macOS for ordinary states and colour for alarms', () => {
    expect(trayIconFile({ name: 'live', demo: false }, 'darwin')).toBe('tray/mac/liveTemplate.png');
    expect(trayIconFile({ name: 'emergency', demo: true }, 'darwin')).toBe(
      'tray/mac/emergency-demo.png',
    );
    expect(trayIconFile({ name: 'auth-failed', demo: false }, 'darwin')).toBe(
      'tray/mac/auth-failed.png',
    );
    expect(trayIconFile({ name: 'stopped', demo: false }, 'freebsd')).toBe(
      'tray/linux/stopped.png',
    );
  });

  it('are 16 px and 32 px on macOS, 24 px and 48 px on Linux', async () => {
    for (const icon of ICONS) {
      for (const [platform, size] of [
        ['darwin', 16],
        ['linux', 24],
      ] as const) {
        const path = trayIconFile(icon, platform);
        expect(pngSize(await file(path)), path).toEqual({ width: size, height: size });
        expect(pngSize(await file(at2x(path))), at2x(path)).toEqual({
          width: 2 * size,
          height: 2 * size,
        });
      }
    }
  });

  it('are black with alpha only in macOS template images', async () => {
    for (const icon of ICONS.filter((i) => !ALARM_ICONS.has(i.name))) {
      const path = trayIconFile(icon, 'darwin');
      expect(path).toMatch(/Template\.png$/);
      for (const variant of [path, at2x(path)]) {
        const { rgba } = decodePng(await file(variant));
        const alphas = new Set<number>();
        for (let i = 0; i < rgba.length; i += 4) {
          alphas.add(rgba[i + 3]!);
          expect(rgba[i]! | rgba[i + 1]! | rgba[i + 2]!, variant).toBe(0);
        }
        expect(alphas.has(0) && alphas.has(255), variant).toBe(true);
      }
    }
  });

  it('keep alarms coloured on macOS', async () => {
    for (const name of ALARM_ICONS) {
      const { rgba } = decodePng(await file(at2x(trayIconFile({ name, demo: false }, 'darwin'))));
      let coloured = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3] === 255 && rgba[i]! - Math.min(rgba[i + 1]!, rgba[i + 2]!) > 100)
          coloured++;
      }
      expect(coloured / (rgba.length / 4), name).toBeGreaterThan(0.3);
    }
  });

  it('make the emergency icon red and no other state red', async () => {
    for (const platform of ['darwin', 'linux'] as const) {
      for (const name of TRAY_ICON_NAMES) {
        const png = decodePng(await file(at2x(trayIconFile({ name, demo: false }, platform))));
        const share = redShare(png.rgba);
        if (name === 'emergency') expect(share, platform).toBeGreaterThan(0.6);
        else expect(share, `${platform} ${name}`).toBeLessThan(0.1);
      }
    }
  });

  it('are multi-size .ico files on Windows', async () => {
    for (const icon of ICONS) {
      const entries = icoEntries(await file(trayIconFile(icon, 'win32')));
      expect(entries.map((e) => e.width)).toEqual([16, 20, 24, 32, 40, 48, 64]);
      expect(entries.every((e) => e.width === e.height && e.bitsPerPixel === 32)).toBe(true);
    }
  });

  it('outline the panel icons so they show on light and dark panels', async () => {
    const { rgba, width } = decodePng(await file('tray/linux/live@2x.png'));
    // The middle row starts transparent, meets the dark outline, then the green disc.
    const row = (width / 2) * width * 4;
    const pixels = Array.from({ length: width }, (_, x) => [
      ...rgba.subarray(row + x * 4, row + x * 4 + 4),
    ]);
    const first = pixels.findIndex((p) => p[3]! > 0);
    const disc = pixels.findIndex((p) => p[1]! > 100 && p[3] === 255);
    expect(first).toBeGreaterThan(0);
    expect(disc).toBeGreaterThan(first);
    const edge = pixels[first]!;
    expect(Math.max(edge[0]!, edge[1]!, edge[2]!)).toBeLessThan(60);
  });
});

describe('generated app icon', () => {
  it('is a PNG set from 16 to 1024 px', async () => {
    for (const size of APP_PNG_SIZES) {
      expect(pngSize(await file(`app/png/${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(await file('app/icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('is a Windows .ico up to 256 px', async () => {
    const entries = icoEntries(await file('app/icon.ico'));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('is a macOS .icns of PNG entries of the right sizes', async () => {
    const entries = icnsEntries(await file('app/icon.icns'));
    const sizes = Object.fromEntries(entries.map((e) => [e.type, pngSize(e.data).width]));
    expect(sizes).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      icp6: 64,
      ic12: 64,
      ic07: 128,
      ic08: 256,
      ic13: 256,
      ic09: 512,
      ic14: 512,
      ic10: 1024,
    });
  });
});

describe('icon generation', () => {
  it('is deterministic and honours ICONS_OUT_DIR', async () => {
    const files = await listFiles(out);
    expect(await listFiles(again)).toEqual(files);
    for (const path of files) {
      const [a, b] = await Promise.all([readFile(join(out, path)), readFile(join(again, path))]);
      expect(a.equals(b), path).toBe(true);
    }
  });
});

describe('icon sources', () => {
  it.each(TRAY_ICON_NAMES)(
    '%s.svg sets a mid-tone colour that shows on light and dark',
    async (name) => {
      const svg = await readFile(join(SOURCES, `${name}.svg`), 'utf8');
      const color = /<svg\b[^>]*\scolor="#([0-9a-f]{6})"/i.exec(svg)?.[1];
      expect(color, 'root color="#rrggbb"').toBeDefined();
      const luminance = relativeLuminance(color!);
      expect(1.05 / (luminance + 0.05), 'contrast with white').toBeGreaterThanOrEqual(3);
      expect((luminance + 0.05) / 0.05, 'contrast with black').toBeGreaterThanOrEqual(3);
      expect(svg).toContain('currentColor');
      expect(svg).not.toMatch(/<text\b/);
    },
  );
});

/** Share of visible pixels that are clearly red: saturated, hue within 10° of pure red. */
function redShare(rgba: Buffer): number {
  let visible = 0;
  let red = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3]! < 128) continue;
    visible += 1;
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    const min = Math.min(g, b);
    if (r < 150 || r - min < 0.6 * r) continue;
    const hue = (60 * Math.abs(g - b)) / (r - min);
    if (hue <= 10) red += 1;
  }
  return visible === 0 ? 0 : red / visible;
}

/** WCAG relative luminance of #rrggbb. */
function relativeLuminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
