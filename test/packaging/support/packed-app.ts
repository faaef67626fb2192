import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DirectoryRecord, FileRecord } from '@electron/asar';
import { extractFile, getRawHeader } from '@electron/asar';

/** A packaged app's resources folder: app.asar, app.asar.unpacked, extra resources. */
export interface PackedApp {
  resourcesDir: string;
  /** Every file in app.asar ('out/main/index.js'), unpacked ones included. */
  files: string[];
  /** The files app.asar marks as unpacked (they live in app.asar.unpacked). */
  unpacked: Set<string>;
  /** Files in the resources folder outside app.asar ('icons/tray/linux/live.png'). */
  resources: string[];
  read(file: string): Buffer;
  /** What Electron's asar integrity check compares: SHA-256 of app.asar's header. */
  headerHash: string;
}

function isDirectory(entry: DirectoryRecord | FileRecord): entry is DirectoryRecord {
  return 'files' in entry;
}

function walkHeader(
  directory: DirectoryRecord,
  prefix: string,
  visit: (path: string, file: FileRecord) => void,
): void {
  for (const [name, entry] of Object.entries(directory.files)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (isDirectory(entry)) walkHeader(entry, path, visit);
    else visit(path, entry);
  }
}

/** Files under `dir`, relative, with `/` separators. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

export function openPackedApp(resourcesDir: string): PackedApp {
  const archive = join(resourcesDir, 'app.asar');
  const { header, headerString } = getRawHeader(archive);
  const files: string[] = [];
  const unpacked = new Set<string>();
  walkHeader(header, '', (path, file) => {
    files.push(path);
    if (file.unpacked) unpacked.add(path);
  });
  return {
    resourcesDir,
    files: files.sort(),
    unpacked,
    resources: listFiles(resourcesDir).filter(
      (file) => file !== 'app.asar' && !file.startsWith('app.asar.unpacked/'),
    ),
    read: (file) =>
      unpacked.has(file)
        ? readFileSync(join(resourcesDir, 'app.asar.unpacked', file))
        : extractFile(archive, file),
    headerHash: createHash('sha256').update(headerString).digest('hex'),
  };
}

/** The packages in the archive's top-level node_modules ('ws', '@scope/name'). */
export function packedPackages(app: PackedApp): Set<string> {
  const names = new Set<string>();
  for (const file of app.files) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/** The bare module specifiers an ES module bundle imports (statically or with import()). */
export function bareImports(source: string): Set<string> {
  const specifiers = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier && !specifier.startsWith('.') && !specifier.startsWith('/')) {
        specifiers.add(specifier);
      }
    }
  }
  return specifiers;
}

/** 'zod/v4' → 'zod', '@scope/pkg/sub' → '@scope/pkg'. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
