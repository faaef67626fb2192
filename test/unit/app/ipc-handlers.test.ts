import { describe, expect, it, vi } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import { createIpcHandlers } from '../../../main/app/ipc-handlers';

const event = {} as Electron.IpcMainInvokeEvent;
const noKey: KeyStatus = { set: false, storage: 'none' };

function setup() {
  const update = vi.fn(async (_patch: SettingsPatch) => DEFAULT_SETTINGS);
  const checkNow = vi.fn();
  const controller = {
    status: { state: 'stopped', since: 0, attempt: 0, emergency: false },
    demo: false,
    lastEventSeq: 0,
    checkNow,
    feedSnapshot: () => null,
    recentGaps: () => [],
    recentNotifications: () => [],
    recentErrors: () => [],
  } as unknown as FeedController;
  const handlers = createIpcHandlers({
    controller,
    settings: { get: () => DEFAULT_SETTINGS, update },
    vault: {
      status: () => noKey,
      readKey: () => null,
      setKey: vi.fn(),
      clearKey: vi.fn(),
    },
    openExternal: vi.fn(),
    openLogsFolder: vi.fn(),
    now: () => 1_000,
  });
  return { handlers, update, checkNow };
}

describe('the dashboard’s requests', () => {
  it('pause notifications and demo mode through the settings (persisted, then applied)', async () => {
    const { handlers, update } = setup();
    await handlers['notifications:pause']({ until: 5_000 }, event);
    await handlers['demo:set']({ enabled: true }, event);
    expect(update.mock.calls).toEqual([
      [{ notifications: { quietUntil: 5_000 } }],
      [{ demoMode: true }],
    ]);
  });

  it('reconnect asks the feed to check at once', async () => {
    const { handlers, checkNow } = setup();
    await handlers['feed:reconnect'](undefined as never, event);
    expect(checkNow).toHaveBeenCalledTimes(1);
  });

  it('a snapshot before any feed is complete and empty', async () => {
    const { handlers } = setup();
    const snapshot = await handlers['app:snapshot'](undefined as never, event);
    expect(snapshot).toMatchObject({
      lastEventSeq: 0,
      demo: false,
      keyStatus: noKey,
      takenAt: 1_000,
    });
    expect(snapshot.feed.orders).toEqual([]);
  });

  it('testing with no key says so', async () => {
    const { handlers } = setup();
    await expect(handlers['key:test']({}, event)).resolves.toEqual({
      ok: false,
      message: 'no API key to test: enter one first',
    });
  });
});
