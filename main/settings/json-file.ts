import { access, constants, copyFile, readFile, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export type JsonFileRead =
  | { kind: 'missing' }
  | { kind: 'parsed'; value: unknown }
  | { kind: 'unreadable'; reason: string };

/** Reads and parses a JSON file; a missing file, unreadable file or bad JSON never throws. */
export async function readJsonFile(path: string): Promise<JsonFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: `cannot be read (${code ?? String(error)})` };
  }
  try {
    return { kind: 'parsed', value: JSON.parse(withoutByteOrderMark(text)) };
  } catch (error) {
    return { kind: 'unreadable', reason: `is not valid JSON (${(error as Error).message})` };
  }
}

// Windows tools write UTF-8 with a byte order mark (PowerShell 5's `Set-Content -Encoding
// UTF8`, Notepad's "UTF-8 with BOM"); JSON.parse refuses it.
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Keeps a bad file for the user (or support) to look at: `settings.json` becomes
 * `settings.corrupt-2026-11-27T10-00-00-000Z.json` next to it. `move` takes it out of
 * the way; `copy` leaves it in place. Resolves to the new path.
 */
export async function keepAside(path: string, at: Date, how: 'move' | 'copy'): Promise<string> {
  const extension = extname(path);
  const stem = basename(path, extension);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const aside = join(dirname(path), `${stem}.corrupt-${stamp}${suffix}${extension || '.json'}`);
    if (await exists(aside)) continue;
    if (how === 'copy') await copyFile(path, aside, constants.COPYFILE_EXCL);
    else await rename(path, aside);
    return aside;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
