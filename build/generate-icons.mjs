// Renders every icon the app and its installers use from the SVG sources in
// build/icons/src (one file per tray state, a DEMO badge and the app icon; see the README
// there). Output: build/icons/generated, or the folder given by --out DIR or ICONS_OUT_DIR.
// Deterministic: the same sources give byte-identical files.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { imagesToIco } from 'png-to-ico';
import { buildIcns } from './icons/lib/icns.mjs';
import { encodePng } from './icons/lib/png.mjs';
import {
  fromPremultiplied8,
  knockOut,
  outline,
  over,
  pad,
  toStraight8,
  toTemplate,
} from './icons/lib/raster.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCES = join(HERE, 'icons', 'src');
const DEFAULT_OUT = join(HERE, 'icons', 'generated');

/** Keep in step with TRAY_ICON_NAMES and trayIconFile() in main/tray/tray-icons.ts (a test checks). */
const TRAY_STATES = ['connecting', 'live', 'reconnecting', 'auth-failed', 'stopped', 'emergency'];
/** Coloured on macOS too: a template image would hide that something is wrong. */
const ALARMS = new Set(['emergency', 'auth-failed']);

const MAC_TRAY_SIZE = 16; // plus @2x
const LINUX_TRAY_SIZE = 24; // plus @2x
/** 100 % to 300 % display scaling of the 16 px notification-area icon. */
const WINDOWS_TRAY_SIZES = [16, 20, 24, 32, 40, 48, 64];
const APP_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Dark, half-transparent: crisp on light panels, and the colours carry it on dark ones. */
const PANEL_OUTLINE = [0, 0, 0, 0.55];

function outDir(argv, env) {
  const flag = argv.indexOf('--out');
  if (flag >= 0) {
    const dir = argv[flag + 1];
    if (!dir) throw new Error('--out needs a folder');
    return resolve(dir);
  }
  return env.ICONS_OUT_DIR ? resolve(env.ICONS_OUT_DIR) : DEFAULT_OUT;
}

const ROOT_COLOR = /(<svg\b[^>]*?\scolor=")[^"]*(")/;

/** The source with its ink colour (the root `color`, used through currentColor) replaced. */
function withInk(svg, color) {
  if (!ROOT_COLOR.test(svg))
    throw new Error('the root <svg> element needs a color="..." attribute');
  return svg.replace(ROOT_COLOR, `$1${color}$2`);
}

function render(svg, size) {
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  }).render();
  if (rendered.width !== size || rendered.height !== size) {
    throw new Error(
      `expected a square ${size} px render, got ${rendered.width}x${rendered.height}`,
    );
  }
  return fromPremultiplied8(size, size, rendered.pixels);
}

function png(image) {
  return encodePng(image.width, image.height, toStraight8(image));
}

function ico(images) {
  return imagesToIco(
    images.map((image) => ({ width: image.width, height: image.height, data: toStraight8(image) })),
  );
}

function createPainter(sources) {
  /** A state at `size` px, with the DEMO badge when asked, black ink for templates. */
  function state(name, size, { demo, template }) {
    const ink = (svg) => (template ? withInk(svg, '#000') : svg);
    let image = render(ink(sources[name]), size);
    if (demo) {
      const badge = render(ink(sources['demo-badge']), size);
      image = over(badge, knockOut(image, badge, Math.max(1, size / 16)));
    }
    return template ? toTemplate(image) : image;
  }

  /** For Windows and Linux panels, light or dark: colour inside a thin dark outline. */
  function panel(name, size, demo) {
    const margin = Math.max(1, Math.round(size / 24));
    const inner = state(name, size - 2 * margin, { demo, template: false });
    return outline(pad(inner, margin), margin, PANEL_OUTLINE);
  }

  return { state, panel };
}

function trayFiles(paint) {
  const files = new Map();
  for (const name of TRAY_STATES) {
    for (const demo of [false, true]) {
      const base = demo ? `${name}-demo` : name;
      const template = !ALARMS.has(name);
      const mac = template ? `${base}Template` : base;
      for (const [suffix, scale] of [
        ['', 1],
        ['@2x', 2],
      ]) {
        const image = paint.state(name, MAC_TRAY_SIZE * scale, { demo, template });
        files.set(`tray/mac/${mac}${suffix}.png`, png(image));
        files.set(
          `tray/linux/${base}${suffix}.png`,
          png(paint.panel(name, LINUX_TRAY_SIZE * scale, demo)),
        );
      }
      files.set(
        `tray/win/${base}.ico`,
        ico(WINDOWS_TRAY_SIZES.map((size) => paint.panel(name, size, demo))),
      );
    }
  }
  return files;
}

function appFiles(svg) {
  const files = new Map();
  const images = new Map(APP_PNG_SIZES.map((size) => [size, render(svg, size)]));
  const pngs = new Map([...images].map(([size, image]) => [size, png(image)]));
  for (const [size, data] of pngs) files.set(`app/png/${size}x${size}.png`, data);
  files.set('app/icon.png', pngs.get(1024));
  files.set('app/icon.ico', ico(APP_ICO_SIZES.map((size) => images.get(size))));
  files.set(
    'app/icon.icns',
    buildIcns((size) => pngs.get(size)),
  );
  return files;
}

export async function generateIcons(out) {
  const names = [...TRAY_STATES, 'demo-badge', 'app'];
  const sources = Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, await readFile(join(SOURCES, `${name}.svg`), 'utf8')]),
    ),
  );
  const files = new Map([...trayFiles(createPainter(sources)), ...appFiles(sources.app)]);
  // Only the folders this script owns are cleared, whatever --out points at.
  await rm(join(out, 'tray'), { recursive: true, force: true });
  await rm(join(out, 'app'), { recursive: true, force: true });
  for (const [path, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await writeFile(join(out, path), data);
  }
  return [...files.keys()].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = outDir(process.argv.slice(2), process.env);
  const written = await generateIcons(out);
  console.log(`icons: ${written.length} files written to ${out}`);
}
