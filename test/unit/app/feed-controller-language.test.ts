import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedController } from '../../../main/app/feed-controller';
import type { TradingClient } from '../../../main/app/trading-monitor';
import { testFeedController } from '../../support/feed-controller-fixture';
import { waitFor } from '../../support/wait';

let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
});

/** A live controller (no REST, no demo) whose settings the test changes, and its notifications. */
async function live(language: Settings['language'], osLocales: readonly string[]) {
  let settings: Settings = { ...DEFAULT_SETTINGS, language };
  const { feed, sockets } = testFeedController({ settings: () => settings, osLocales });
  controller = feed;
  const shown: NotificationIntent[] = [];
  feed.on('notification', (intent) => shown.push(intent));
  await feed.restart();
  const socket = sockets[sockets.length - 1]!;
  socket.acceptConnection();
  socket.receive({ type: 'subscribed', subscriptionId: 1 });
  const emergency = (on: boolean) =>
    socket.receive({
      type: 'broadcast',
      channel: 'emergency',
      event: 'UPDATE',
      payload: on ? { emergency: true, reason: 'exchange halted' } : { emergency: false },
    });
  const setLanguage = (next: Settings['language']) => {
    settings = { ...settings, language: next };
    feed.applyPreferences(settings);
  };
  return { feed, shown, emergency, setLanguage };
}

describe('FeedController: the language of notifications', () => {
  it('writes titles in Chinese when the setting says zh-CN, and in English after a switch', async () => {
    const { feed, shown, emergency, setLanguage } = await live('zh-CN', ['en-US']);
    expect(feed.language).toBe('zh-CN');
    emergency(true);
    expect(shown.at(-1)?.title).toBe('紧急状态已开启');

    setLanguage('en');
    expect(feed.language).toBe('en');
    emergency(false);
    expect(shown.at(-1)?.title).toBe('Emergency mode cleared');
  });

  it("follows the OS's languages when the setting is 'system'", async () => {
    const { shown, emergency } = await live('system', ['zh-Hans-CN', 'en-US']);
    emergency(true);
    expect(shown.at(-1)?.title).toBe('紧急状态已开启');
  });

  it('tells a trading status change the user did not make in the chosen language', async () => {
    const stopped = {
      status: 'system_stopped',
      systemReason: null,
      manualPaused: false,
      manualStopped: false,
    } as Partial<Awaited<ReturnType<TradingClient['tradingStatus']>>>;
    const client = {
      tradingStatus: async () => stopped,
      pnl: async () => {
        throw new Error('not served');
      },
      positionsSummary: async () => {
        throw new Error('not served');
      },
    } as Partial<TradingClient> as TradingClient;
    const { feed } = testFeedController({
      settings: () => ({ ...DEFAULT_SETTINGS, language: 'zh-CN' }),
      createRestClient: () => client,
    });
    controller = feed;
    const shown: NotificationIntent[] = [];
    feed.on('notification', (intent) => shown.push(intent));
    await feed.restart();
    await waitFor(() => shown.length > 0, 'the trading status notification');
    expect(shown[0]).toMatchObject({
      kind: 'trading-status',
      title: '系统已停止交易',
      body: '由服务器更改。',
    });
  });

  it('answers a trading action in the chosen language when no feed runs', async () => {
    const feed = new FeedController({
      keys: { readKey: () => null },
      settings: () => ({ ...DEFAULT_SETTINGS, language: 'zh-CN' }),
      startSimulator: () => Promise.reject(new Error('no demo in these tests')),
    });
    controller = feed;
    expect((await feed.tradingAction('pause')).message).toBe('未连接：请先设置 API 密钥或启动演示');
  });
});
