import { describe, expect, it, vi } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import { EMPTY_TRADING_VIEW, type TradingAction } from '../../../common/ipc/trading';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import { createIpcHandlers } from '../../../main/app/ipc-handlers';
import { testKey } from '../../../main/app/key-tester';

vi.mock('../../../main/app/key-tester', () => ({
  testKey: vi.fn(async () => ({ ok: true, message: 'the server accepted the key' })),
}));

const event = {} as Electron.IpcMainInvokeEvent;
const noKey: KeyStatus = { set: false, storage: 'none' };
const STORED_KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const TYPED_KEY = '00000000-1111-4222-8333-444444444444';

function setup({ storedKey = null }: { storedKey?: string | null } = {}) {
  const update = vi.fn(async (_patch: SettingsPatch) => DEFAULT_SETTINGS);
  const reconnectNow = vi.fn();
  const retryKeychain = vi.fn();
  const tradingAction = vi.fn(async (action: TradingAction) => ({
    action,
    ok: true,
    message: `${action}: done`,
  }));
  const refreshTrading = vi.fn(async () => {});
  const confirmationFacts = vi.fn(async () => ({ openOrders: 7, exact: true, statusKnown: false }));
  const controller = {
    status: { state: 'stopped', since: 0, attempt: 0, emergency: false },
    demo: false,
    lastEventSeq: 0,
    reconnectNow,
    feedSnapshot: () => null,
    recentGaps: () => [],
    recentNotifications: () => [],
    recentErrors: () => [],
    tradingView: () => EMPTY_TRADING_VIEW,
    tradingAction,
    refreshTrading,
    confirmationFacts,
  } as unknown as FeedController;
  const handlers = createIpcHandlers({
    controller,
    settings: { get: () => DEFAULT_SETTINGS, update },
    vault: {
      status: () => noKey,
      readKey: () => storedKey,
      setKey: vi.fn(),
      clearKey: vi.fn(),
    },
    openExternal: vi.fn(),
    openLogsFolder: vi.fn(),
    retryKeychain,
    now: () => 1_000,
  });
  return {
    handlers,
    update,
    reconnectNow,
    retryKeychain,
    tradingAction,
    refreshTrading,
    confirmationFacts,
  };
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

  it('reconnect asks the feed to reconnect now, and reads a failed keychain again', async () => {
    const { handlers, reconnectNow, retryKeychain } = setup();
    await handlers['feed:reconnect'](undefined as never, event);
    expect(reconnectNow).toHaveBeenCalledTimes(1);
    expect(retryKeychain).toHaveBeenCalledTimes(1);
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

  describe('key:test sends the stored key only to the saved endpoint', () => {
    const saved = DEFAULT_SETTINGS.endpoint;
    const elsewhere = 'wss://collector.example/ws';

    it('refuses, without connecting, to test the stored key against another endpoint', async () => {
      vi.mocked(testKey).mockClear();
      const { handlers } = setup({ storedKey: STORED_KEY });
      const reply = await handlers['key:test']({ endpoint: elsewhere }, event);
      expect(reply.ok).toBe(false);
      expect(reply.message).toMatch(/enter the key/);
      expect(testKey).not.toHaveBeenCalled();
    });

    it('tests the stored key against the saved endpoint, however it is spelled', async () => {
      vi.mocked(testKey).mockClear();
      const { handlers } = setup({ storedKey: STORED_KEY });
      await handlers['key:test']({}, event);
      const respelled = saved.replace('wss://', 'WSS://').replace('.com/', '.com:443/');
      expect(respelled).not.toBe(saved);
      await handlers['key:test']({ endpoint: respelled }, event);
      expect(vi.mocked(testKey).mock.calls).toEqual([
        [{ url: saved, apiKey: STORED_KEY }],
        [{ url: respelled, apiKey: STORED_KEY }],
      ]);
    });

    it('tests a key given with the request against any endpoint', async () => {
      vi.mocked(testKey).mockClear();
      const { handlers } = setup({ storedKey: STORED_KEY });
      await expect(
        handlers['key:test']({ key: TYPED_KEY, endpoint: elsewhere }, event),
      ).resolves.toEqual({ ok: true, message: 'the server accepted the key' });
      expect(vi.mocked(testKey).mock.calls).toEqual([[{ url: elsewhere, apiKey: TYPED_KEY }]]);
    });
  });

  it('trading actions run through the feed; those that cancel orders only when confirmed', async () => {
    const { handlers, tradingAction } = setup();
    expect(await handlers['trading:act']({ action: 'pause' }, event)).toEqual({
      action: 'pause',
      ok: true,
      message: 'pause: done',
    });
    for (const action of ['stop', 'cancel-all'] as const) {
      const refused = await handlers['trading:act']({ action }, event);
      expect(refused).toMatchObject({ action, ok: false });
      expect(refused.message).toContain('needs confirming');
    }
    expect(tradingAction.mock.calls).toEqual([['pause']]);
    await handlers['trading:act']({ action: 'stop', confirmed: true }, event);
    expect(tradingAction.mock.calls).toEqual([['pause'], ['stop']]);
  });

  it('trading status reads the status now and answers the trading view', async () => {
    const { handlers, refreshTrading } = setup();
    expect(await handlers['trading:status'](undefined as never, event)).toEqual(EMPTY_TRADING_VIEW);
    expect(refreshTrading).toHaveBeenCalledTimes(1);
  });

  it('confirmation facts count open orders fresh, as the tray’s question does', async () => {
    const { handlers, confirmationFacts, tradingAction } = setup();
    expect(await handlers['trading:confirmation-facts'](undefined as never, event)).toEqual({
      openOrders: 7,
      exact: true,
      statusKnown: false,
    });
    expect(confirmationFacts).toHaveBeenCalledTimes(1);
    expect(tradingAction).not.toHaveBeenCalled();
  });

  it('the snapshot carries the trading view', async () => {
    const { handlers } = setup();
    const snapshot = await handlers['app:snapshot'](undefined as never, event);
    expect(snapshot.trading).toEqual(EMPTY_TRADING_VIEW);
  });
});
