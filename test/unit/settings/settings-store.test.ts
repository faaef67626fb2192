import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../common/domain/notifications';
import { setListenerErrorReporter } from '../../../common/emitter';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { SettingsStore, SettingsValidationError } from '../../../main/settings/settings-store';
import { tempFolderPerTest } from './temp-folder';

const folder = tempFolderPerTest();
const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const ASIDE = 'settings.corrupt-2026-11-27T10-00-00-000Z.json';

const open = () => SettingsStore.open({ directory: folder(), now: () => NOW });
const settingsPath = () => join(folder(), 'settings.json');
const writeSettingsFile = (text: string) => writeFile(settingsPath(), text);
const readSettingsFile = async () => JSON.parse(await readFile(settingsPath(), 'utf8'));
const files = async () => (await readdir(folder())).sort();
/** The file's content for settings: they, and the notification kinds this version knows. */
const inFile = (settings: Settings) => ({
  ...settings,
  notifications: { ...settings.notifications, knownKinds: [...NOTIFICATION_KINDS] },
});
const ALL_KINDS_KNOWN = { knownKinds: NOTIFICATION_KINDS };

describe('SettingsStore loading', () => {
  it('starts from the defaults when there is no file yet, without writing one', async () => {
    const store = await open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadOutcome).toEqual({ kind: 'defaults' });
    expect(await files()).toEqual([]);
  });

  it('reads the saved settings and fills in fields added since', async () => {
    await writeSettingsFile(JSON.stringify({ theme: 'dark', hedgeGraceSeconds: 30 }));
    const store = await open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', hedgeGraceSeconds: 30 });
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });
  });

  it('reads a file that starts with a UTF-8 byte order mark (Windows tools write one)', async () => {
    const saved = { endpoint: 'wss://staging.example.com/ws/subscribe', startAtLogin: true };
    await writeSettingsFile(`\uFEFF${JSON.stringify(saved)}`);
    const store = await open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, ...saved });
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });
    expect(await files()).toEqual(['settings.json']);
  });

  it('drops a #fragment an earlier version saved with the endpoint, keeping the endpoint', async () => {
    await writeSettingsFile(
      JSON.stringify({ endpoint: 'wss://staging.example.com/ws/subscribe#x' }),
    );
    const store = await open();
    expect(store.get().endpoint).toBe('wss://staging.example.com/ws/subscribe');
  });

  it('ignores unknown fields', async () => {
    await writeSettingsFile(JSON.stringify({ theme: 'light', fromTheFuture: 1 }));
    const store = await open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(store.loadOutcome.kind).toBe('loaded');
  });

  it('replaces invalid fields by their defaults one by one, keeping a copy of the file', async () => {
    const original = JSON.stringify({
      theme: 'purple',
      language: 'zh-CN',
      hedgeGraceSeconds: 9999,
      notifications: { enabledKinds: ['fill'], quietUntil: 'soon', ...ALL_KINDS_KNOWN },
      channels: ['orders'],
    });
    await writeSettingsFile(original);
    const store = await open();
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'zh-CN',
      channels: ['orders'],
      notifications: { enabledKinds: ['fill'], quietUntil: null },
    });
    expect(store.loadOutcome).toEqual({
      kind: 'repaired',
      fields: ['notifications.quietUntil', 'hedgeGraceSeconds', 'theme'],
      keptAside: join(folder(), ASIDE),
    });
    expect(await readFile(join(folder(), ASIDE), 'utf8')).toBe(original);
    expect(await readSettingsFile()).toEqual(inFile(store.get()));
  });

  it.each([
    ['not JSON', '{"theme": "dark",'],
    ['empty', ''],
    ['not an object', '[1, 2, 3]'],
    ['null', 'null'],
  ])('falls back to defaults when the file is %s, moving it aside', async (_, text) => {
    await writeSettingsFile(text);
    const store = await open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadOutcome).toMatchObject({ kind: 'corrupt', keptAside: join(folder(), ASIDE) });
    expect(await files()).toEqual([ASIDE]);
    expect(await readFile(join(folder(), ASIDE), 'utf8')).toBe(text);
  });

  it.each([
    ['beyond the range of a Date', 9e15],
    ['far before 1970', -9e15],
  ])('repairs a quiet-until time %s (formatting it would throw)', async (_, quietUntil) => {
    await writeSettingsFile(
      JSON.stringify({
        theme: 'dark',
        notifications: { enabledKinds: ['fill'], quietUntil, ...ALL_KINDS_KNOWN },
      }),
    );
    const store = await open();
    expect(store.get().notifications).toEqual({ enabledKinds: ['fill'], quietUntil: null });
    expect(store.get().theme).toBe('dark');
    expect(store.loadOutcome).toEqual({
      kind: 'repaired',
      fields: ['notifications.quietUntil'],
      keptAside: join(folder(), ASIDE),
    });
    expect((await readSettingsFile()).notifications.quietUntil).toBeNull();
  });

  it('repairs a plain ws:// endpoint to another machine (the key would travel in clear)', async () => {
    await writeSettingsFile(JSON.stringify({ endpoint: 'ws://mmapi.example.com/ws/subscribe' }));
    const store = await open();
    expect(store.get().endpoint).toBe(DEFAULT_SETTINGS.endpoint);
    expect(store.loadOutcome).toMatchObject({ kind: 'repaired', fields: ['endpoint'] });
  });

  it('keeps a plain ws:// endpoint on this machine', async () => {
    await writeSettingsFile(JSON.stringify({ endpoint: 'ws://127.0.0.1:8080/ws/subscribe' }));
    const store = await open();
    expect(store.get().endpoint).toBe('ws://127.0.0.1:8080/ws/subscribe');
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });
  });

  it('never overwrites an earlier file kept aside at the same moment', async () => {
    await writeSettingsFile('first');
    await open();
    await writeSettingsFile('second');
    await open();
    const aside = ASIDE.replace('.json', '-2.json');
    expect(new Set(await files())).toEqual(new Set([ASIDE, aside]));
    expect(await readFile(join(folder(), aside), 'utf8')).toBe('second');
  });

  it('says why a file could not be used', async () => {
    await writeSettingsFile('{oops');
    const store = await open();
    expect(store.loadOutcome).toMatchObject({ reason: expect.stringMatching(/not valid JSON/) });
  });
});

describe('SettingsStore updates', () => {
  it('applies a change, tells listeners and writes it to disk', async () => {
    const store = await open();
    const seen: [Settings, Settings][] = [];
    store.onChange((next, previous) => seen.push([next, previous]));
    const result = await store.update({ theme: 'dark', startAtLogin: true });
    expect(result).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', startAtLogin: true });
    expect(store.get()).toEqual(result);
    expect(seen).toEqual([[result, DEFAULT_SETTINGS]]);
    expect(await readSettingsFile()).toEqual(inFile(result));
    expect((await open()).get()).toEqual(result);
  });

  it('changes only the nested fields given', async () => {
    const store = await open();
    await store.update({ notifications: { enabledKinds: ['emergency'] } });
    await store.update({ notifications: { quietUntil: NOW + 60_000 } });
    expect(store.get().notifications).toEqual({
      enabledKinds: ['emergency'],
      quietUntil: NOW + 60_000,
    });
    expect(store.get().theme).toBe(DEFAULT_SETTINGS.theme);
  });

  it.each([
    ['an unknown field', { apiKey: '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427' }],
    ['a value out of range', { hedgeGraceSeconds: 0 }],
    ['a value of the wrong type', { startAtLogin: 'yes' }],
    ['a non-WebSocket endpoint', { endpoint: 'http://example.com' }],
    ['an empty channel list', { channels: [] }],
    ['an invalid nested value', { notifications: { quietUntil: 'later' } }],
    ['a quiet-until time beyond the range of a Date', { notifications: { quietUntil: 9e15 } }],
    [
      'a quiet-until time more than a year ahead',
      { notifications: { quietUntil: NOW + 367 * 86_400_000 } },
    ],
    ['a plain ws:// endpoint to another machine', { endpoint: 'ws://evil.example.com/ws' }],
    ['not an object', 'dark'],
  ])('rejects %s with a clear error and changes nothing', async (_, patch) => {
    const store = await open();
    await store.update({ theme: 'light' });
    const before = store.get();
    const seen: Settings[] = [];
    store.onChange((next) => seen.push(next));
    const error = await store.update(patch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as Error).message).toMatch(/^Invalid settings:/);
    expect((error as Error).message).not.toContain('3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427');
    expect(store.get()).toBe(before);
    expect(seen).toEqual([]);
    expect(await readSettingsFile()).toEqual(inFile(before));
  });

  it('neither writes nor notifies when nothing changes', async () => {
    const store = await open();
    const seen: Settings[] = [];
    store.onChange((next) => seen.push(next));
    await store.update({ theme: DEFAULT_SETTINGS.theme });
    expect(seen).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('hands out settings that cannot be changed behind its back', async () => {
    const store = await open();
    const settings = store.get();
    expect(() => {
      settings.theme = 'dark';
    }).toThrow(TypeError);
    expect(() => settings.channels.push('orders')).toThrow(TypeError);
  });

  it('writes concurrent updates one at a time and ends with the last', async () => {
    const store = await open();
    const grace = Array.from({ length: 20 }, (_, i) => i + 1);
    await Promise.all(grace.map((hedgeGraceSeconds) => store.update({ hedgeGraceSeconds })));
    await store.flush();
    expect((await readSettingsFile()).hedgeGraceSeconds).toBe(20);
    expect(await files()).toEqual(['settings.json']);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const store = await open();
    const seen: Settings[] = [];
    const unsubscribe = store.onChange((next) => seen.push(next));
    await store.update({ theme: 'dark' });
    unsubscribe();
    await store.update({ theme: 'light' });
    expect(seen).toHaveLength(1);
  });

  it('accepts a pause of up to a year', async () => {
    const store = await open();
    await store.update({ notifications: { quietUntil: NOW + 365 * 86_400_000 } });
    expect(store.get().notifications.quietUntil).toBe(NOW + 365 * 86_400_000);
  });

  describe('when a listener throws', () => {
    afterEach(() => setListenerErrorReporter(null));

    it('still tells the other listeners, writes the change and reports the error', async () => {
      const reported: [unknown, string][] = [];
      setListenerErrorReporter((error, event) => reported.push([error, event]));
      const store = await open();
      const failure = new RangeError('Invalid time value');
      const seen: string[] = [];
      store.onChange(() => {
        throw failure;
      });
      store.onChange((next) => seen.push(next.theme));
      await expect(store.update({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' });
      expect(seen).toEqual(['dark']);
      expect(await readSettingsFile()).toMatchObject({ theme: 'dark' });
      expect(reported).toEqual([[failure, 'settings change']]);
    });

    it('reports to console.error by default', async () => {
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const store = await open();
        store.onChange(() => {
          throw new Error('boom');
        });
        await store.update({ theme: 'dark' });
        expect(consoleError).toHaveBeenCalledWith(
          'a listener of "settings change" threw',
          expect.objectContaining({ message: 'boom' }),
        );
      } finally {
        consoleError.mockRestore();
      }
    });
  });

  it('rejects when the file cannot be written, keeping the change for the session', async () => {
    const store = await SettingsStore.open({
      directory: join(folder(), 'settings.json', 'not-a-folder'),
    });
    await writeSettingsFile('{}');
    await expect(store.update({ theme: 'dark' })).rejects.toThrow();
    expect(store.get().theme).toBe('dark');
  });
});
