import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  placeOnDisplays,
  type WindowState,
} from '../../../main/settings/window-state';
import { WindowStateStore } from '../../../main/settings/window-state-store';
import { tempFolderPerTest } from './temp-folder';

const folder = tempFolderPerTest();
const path = () => join(folder(), 'window-state.json');

describe('WindowStateStore', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the defaults when nothing was saved', async () => {
    expect(await new WindowStateStore({ directory: folder() }).load()).toEqual(
      DEFAULT_WINDOW_STATE,
    );
  });

  it.each([
    ['not JSON', 'nope'],
    ['too small', JSON.stringify({ width: 10, height: 10, maximized: false })],
    ['x without y', JSON.stringify({ x: 5, width: 900, height: 600, maximized: false })],
  ])('gives the defaults when the file is %s', async (_, text) => {
    await writeFile(path(), text);
    expect(await new WindowStateStore({ directory: folder() }).load()).toEqual(
      DEFAULT_WINDOW_STATE,
    );
  });

  it('writes only the last bounds after a quiet moment, and loads them back', async () => {
    const store = new WindowStateStore({ directory: folder(), debounceMs: 500 });
    expect(store.save({ x: 10, y: 20, width: 900, height: 600, maximized: false })).toBe(true);
    expect(store.save({ x: 11.4, y: 20, width: 901.6, height: 600, maximized: true })).toBe(true);
    await vi.advanceTimersByTimeAsync(499);
    await expect(readFile(path(), 'utf8')).rejects.toThrow(/ENOENT/);
    await vi.advanceTimersByTimeAsync(1);
    await store.flush();
    const expected: WindowState = { x: 11, y: 20, width: 902, height: 600, maximized: true };
    expect(JSON.parse(await readFile(path(), 'utf8'))).toEqual(expected);
    expect(await new WindowStateStore({ directory: folder() }).load()).toEqual(expected);
  });

  it('writes pending bounds at once on flush', async () => {
    const store = new WindowStateStore({ directory: folder(), debounceMs: 10_000 });
    store.save({ width: 800, height: 500, maximized: false });
    await store.flush();
    expect(JSON.parse(await readFile(path(), 'utf8'))).toEqual({
      width: 800,
      height: 500,
      maximized: false,
    });
  });

  it('ignores the bounds of a minimised window', async () => {
    const store = new WindowStateStore({ directory: folder() });
    expect(store.save({ x: 0, y: 0, width: 0, height: 0, maximized: false })).toBe(false);
    await store.flush();
    await expect(readFile(path(), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('placeOnDisplays', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 875 };
  const external = { x: 1440, y: 0, width: 2560, height: 1415 };

  it('keeps a window that is on a screen', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnDisplays(state, [laptop, external])).toEqual(state);
  });

  it('centres a window whose screen is gone', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: true };
    expect(placeOnDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('centres a window with only a sliver on screen', () => {
    const state = { x: 1400, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnDisplays(state, [laptop]).x).toBeUndefined();
  });

  it('shrinks a window larger than its screen', () => {
    const state = { x: 0, y: 0, width: 2400, height: 1300, maximized: false };
    expect(placeOnDisplays(state, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('leaves the bounds alone when no display is known', () => {
    expect(placeOnDisplays(DEFAULT_WINDOW_STATE, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
