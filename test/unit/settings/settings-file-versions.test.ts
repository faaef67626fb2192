import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../common/domain/notifications';
import { CHANNELS } from '../../../common/protocol/channels';
import { DEFAULT_SETTINGS } from '../../../common/settings/schema';
import { SettingsStore } from '../../../main/settings/settings-store';
import { tempFolderPerTest } from './temp-folder';

const folder = tempFolderPerTest();
const open = () => SettingsStore.open({ directory: folder() });
const writeSettingsFile = (content: unknown) =>
  writeFile(join(folder(), 'settings.json'), JSON.stringify(content));
const readSettingsFile = async () =>
  JSON.parse(await readFile(join(folder(), 'settings.json'), 'utf8'));

/** The kinds of the first version, which stored enabledKinds only. */
const FIRST_VERSION_KINDS = NOTIFICATION_KINDS.filter((kind) => kind !== 'trading-status');
const allKindsBut = (...off: NotificationKind[]) =>
  NOTIFICATION_KINDS.filter((kind) => !off.includes(kind));

describe('a settings file from a newer version', () => {
  it('keeps the fields this version does not know through a change', async () => {
    await writeSettingsFile({
      theme: 'dark',
      soundEnabled: true,
      profiles: [{ name: 'b' }],
      notifications: { enabledKinds: NOTIFICATION_KINDS, quietUntil: null, sound: 'bell' },
    });
    const store = await open();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });

    await store.update({ hedgeGraceSeconds: 20 });
    expect(await readSettingsFile()).toMatchObject({
      theme: 'dark',
      hedgeGraceSeconds: 20,
      soundEnabled: true,
      profiles: [{ name: 'b' }],
      notifications: { sound: 'bell' },
    });
  });

  it('uses the kinds and channels it knows and keeps the others in the file', async () => {
    await writeSettingsFile({
      channels: ['orders', 'positions', 'emergency'],
      notifications: {
        enabledKinds: ['emergency', 'pnl-alert'],
        knownKinds: [...NOTIFICATION_KINDS, 'pnl-alert', 'margin-call'],
        quietUntil: null,
      },
    });
    const store = await open();
    expect(store.get().channels).toEqual(['orders', 'emergency']);
    expect(store.get().notifications.enabledKinds).toEqual(['emergency']);
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });
    expect(await readdir(folder())).toEqual(['settings.json']);

    await store.update({ notifications: { enabledKinds: ['fill', 'emergency'] } });
    const written = await readSettingsFile();
    expect(written.channels).toEqual(['orders', 'emergency', 'positions']);
    expect(written.notifications.enabledKinds).toEqual(['fill', 'emergency', 'pnl-alert']);
    expect(written.notifications.knownKinds).toEqual([
      ...NOTIFICATION_KINDS,
      'pnl-alert',
      'margin-call',
    ]);
  });

  it('keeps a channel list that names only newer channels, subscribing to all it knows', async () => {
    await writeSettingsFile({ channels: ['positions'] });
    const store = await open();
    expect(store.get().channels).toEqual([...CHANNELS]);
    expect((await readSettingsFile()).channels).toEqual([...CHANNELS, 'positions']);
  });
});

describe('notification kinds added after the file was written', () => {
  it('turns on a kind the first version did not have, keeping what the user turned off', async () => {
    const enabledKinds = FIRST_VERSION_KINDS.filter((kind) => kind !== 'fill');
    await writeSettingsFile({ notifications: { enabledKinds, quietUntil: null } });
    const store = await open();
    expect(store.get().notifications.enabledKinds).toEqual(allKindsBut('fill'));
    expect(store.loadOutcome).toEqual({ kind: 'loaded' });
  });

  it('keeps trading-status off in a file that shows its writer had it', async () => {
    const enabledKinds = allKindsBut('trading-status', 'hedge');
    await writeSettingsFile({
      notifications: { enabledKinds, knownKinds: NOTIFICATION_KINDS, quietUntil: null },
    });
    expect((await open()).get().notifications.enabledKinds).toEqual(enabledKinds);
  });

  it('turns nothing on in a file without knownKinds whose list names a later kind', async () => {
    await writeSettingsFile({ notifications: { enabledKinds: ['emergency', 'pnl-alert'] } });
    expect((await open()).get().notifications.enabledKinds).toEqual(['emergency']);
  });

  it('turns on a kind missing from the kinds the writer knew', async () => {
    await writeSettingsFile({
      notifications: {
        enabledKinds: ['emergency'],
        knownKinds: allKindsBut('hedge'),
        quietUntil: null,
      },
    });
    expect((await open()).get().notifications.enabledKinds).toEqual(['emergency', 'hedge']);
  });

  it('remembers a kind the user turns off after it was added', async () => {
    await writeSettingsFile({
      notifications: { enabledKinds: FIRST_VERSION_KINDS, quietUntil: null },
    });
    const store = await open();
    await store.update({ notifications: { enabledKinds: allKindsBut('trading-status') } });
    expect((await open()).get().notifications.enabledKinds).toEqual(allKindsBut('trading-status'));
  });
});
