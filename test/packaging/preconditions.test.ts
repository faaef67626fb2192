import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertAppIsBuilt } from './support/staging';

describe('the packaging tests’ precondition', () => {
  it('holds in this checkout once `npm run build` has run', () => {
    expect(() => assertAppIsBuilt()).not.toThrow();
  });

  it('names what is missing and the command to run when the app is not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mm-tray-unbuilt-'));
    try {
      expect(() => assertAppIsBuilt(empty)).toThrow(
        /the built app is missing \(out\/main\/index\.js, .*\): run `npm run build`/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
