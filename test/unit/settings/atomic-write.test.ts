import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/settings/atomic-write';
import { LatestValueWriter } from '../../../main/settings/latest-writer';
import { tempFolderPerTest } from './temp-folder';

const folder = tempFolderPerTest();

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const path = join(folder(), 'settings.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(folder())).toEqual(['settings.json']);
  });

  it('creates the folder when needed', async () => {
    const path = join(folder(), 'a', 'b', 'settings.json');
    await writeFileAtomic(path, 'x');
    expect(await readFile(path, 'utf8')).toBe('x');
  });

  it('leaves the old content and no temporary file when the rename fails', async () => {
    const path = join(folder(), 'settings.json');
    await writeFileAtomic(join(path, 'inner'), 'x'); // settings.json is now a folder
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(await readdir(folder())).toEqual(['settings.json']);
  });
});

describe('LatestValueWriter', () => {
  it('writes one at a time, skipping texts superseded while a write runs', async () => {
    const written: string[] = [];
    let active = 0;
    let maxActive = 0;
    const writer = new LatestValueWriter('file', async (_, text) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(text);
      active--;
    });
    const done = ['a', 'b', 'c', 'd'].map((text) => writer.write(text));
    await Promise.all(done);
    expect(maxActive).toBe(1);
    expect(written.at(-1)).toBe('d');
    expect(written.length).toBeLessThanOrEqual(2);
  });

  it('rejects every caller whose text was in a failed write, then recovers', async () => {
    let fail = true;
    const writer = new LatestValueWriter('file', async () => {
      if (fail) throw new Error('disk full');
    });
    const first = writer.write('a');
    const second = writer.write('b');
    await expect(first).rejects.toThrow('disk full');
    await expect(second).rejects.toThrow('disk full');
    fail = false;
    await expect(writer.write('c')).resolves.toBeUndefined();
  });
});
