import type { Menu, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRODUCT_NAME } from '../../../common/app-id';
import { summariseEvent } from '../../../main/tray/event-summary';
import { trayClock } from '../../../main/tray/tray-clock';
import { TrayController, type TrayHandle } from '../../../main/tray/tray-controller';
import { followFeed, type TrayFeed } from '../../../main/tray/tray-feed';
import { findMenuItem, type TrayMenuItem } from '../../../main/tray/tray-menu';
import { type TrayInput, trayMenu, trayTooltip } from '../../../main/tray/tray-model';
import { betEvent, documentedFill, emergencyEvent } from '../store/feed-events';
import {
  MINUTE,
  NEXT_MORNING_AT_NOW,
  NO_TRAY_ACTIONS,
  NOW,
  status,
  trayInput,
} from './tray-fixtures';

const clock = trayClock('UTC', 'zh-CN');
const LAST = { en: 'order polymarket fully matched', 'zh-CN': '订单 polymarket 完全成交' };

function zh(patch: Partial<TrayInput> = {}): TrayInput {
  return trayInput({
    language: 'zh-CN',
    lastEvent: { at: Date.UTC(2026, 2, 5, 14, 29, 10), summary: LAST },
    ...patch,
  });
}

function labels(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((item) =>
    item.type === 'separator'
      ? []
      : item.type === 'submenu'
        ? [item.label, ...labels(item.submenu)]
        : [item.label],
  );
}

/** What is left once the words that stay as they are (names, ids, venues) are taken out. */
function words(text: string): string {
  return text
    .replaceAll(PRODUCT_NAME, '')
    .replace(/polymarket|pinnacle|API|DEMO|REST/g, '')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '');
}

const ENGLISH_WORD = /[A-Za-z]{3,}/;

/** Inputs that between them show every line of the tooltip and the menu (reasons: the server's, here in Chinese). */
const EVERY_STATE: TrayInput[] = [
  zh(),
  zh({ demo: true, fillsMissingHedge: 2, quietUntil: NOW + 30 * MINUTE }),
  zh({ status: status({ state: 'reconnecting', attempt: 3 }) }),
  zh({ status: status({ state: 'auth-failed', reason: '密钥已吊销' }) }),
  zh({ status: status({ state: 'connecting' }) }),
  zh({ status: status({ state: 'stopped' }) }),
  zh({ keySet: false }),
  zh({ keySet: false, keychainReadPending: true }),
  zh({ status: status({ emergency: true, emergencySince: NOW - 5 * MINUTE }) }),
  zh({ status: status({ emergency: true, emergencyReason: '人工触发' }) }),
  zh({
    status: status({ emergency: true, emergencySince: NOW - 5 * MINUTE, emergencyReason: '' }),
  }),
  zh({ status: status({ since: NOW - 2 * 24 * 60 * MINUTE }) }),
  zh({ trading: { status: null, busy: null, problem: 'timeout' } }),
  zh({ trading: { status: null, busy: 'stop', problem: null } }),
  zh({
    trading: {
      status: { status: 'manual_paused', manualPaused: true, manualStopped: false },
      busy: 'cancel-all',
      problem: null,
    },
  }),
];

describe('the tray in Chinese', () => {
  it('writes the tooltip in Chinese', () => {
    expect(trayTooltip(zh({ fillsMissingHedge: 1 }), NOW, clock)).toBe(
      [
        `${PRODUCT_NAME}：已连接（自 14:05 起）`,
        '今日：成交 12 笔，对冲 11 笔，未对冲 1 笔',
        '最近：14:29 订单 polymarket 完全成交',
      ].join('\n'),
    );
    const emergency = zh({
      status: status({ emergency: true, emergencySince: NOW - 5 * MINUTE }),
      lastEvent: null,
    });
    expect(trayTooltip(emergency, NOW, clock)).toBe(
      [
        `${PRODUCT_NAME}：紧急状态（自 14:25 起）`,
        '推送：已连接（自 14:05 起）',
        '今日：成交 12 笔，对冲 11 笔',
      ].join('\n'),
    );
  });

  it('names the menu items as the dashboard does', () => {
    const menu = trayMenu(zh({ quietUntil: NOW + 30 * MINUTE }), NOW, clock, NEXT_MORNING_AT_NOW);
    const label = (id: string) => {
      const item = findMenuItem(menu, id);
      return item?.type === 'separator' ? undefined : item?.label;
    };
    expect(label('status')).toBe('已连接（自 14:05 起）');
    expect(label('open-dashboard')).toBe('打开仪表盘');
    expect(label('pause')).toBe('通知已暂停至 15:00');
    expect(label('quiet-state')).toBe('已暂停至 15:00（紧急状态仍会通知）');
    expect(label('pause-tomorrow')).toBe('至明天 08:00');
    expect(label('reconnect')).toBe('立即重连');
    expect(label('settings')).toBe('设置…');
    expect(label('quit')).toBe(`退出 ${PRODUCT_NAME}`);
  });

  it('names the trading controls and their state in Chinese', () => {
    const menu = trayMenu(
      zh({ trading: { status: null, busy: 'stop', problem: null } }),
      NOW,
      clock,
    );
    const label = (id: string) => {
      const item = findMenuItem(menu, id);
      return item?.type === 'separator' ? undefined : item?.label;
    };
    expect(label('status-trading')).toBe('交易状态未知');
    expect(label('trading-stop')).toBe('停止交易（撤销所有挂单）（处理中…）');
    expect(label('trading-cancel-all')).toBe('撤销所有挂单…');
  });

  it('dates a time more than 12 hours away in Chinese', () => {
    const old = zh({ status: status({ since: Date.UTC(2026, 2, 3, 9, 0, 0) }), lastEvent: null });
    expect(trayTooltip(old, NOW, clock).split('\n')[0]).toBe(
      `${PRODUCT_NAME}：已连接（自 3月3日 09:00 起）`,
    );
  });

  it('leaves no English word in any tooltip or menu', () => {
    for (const input of EVERY_STATE) {
      const texts = [trayTooltip(input, NOW, clock), ...labels(trayMenu(input, NOW, clock))];
      for (const text of texts) expect(words(text)).not.toMatch(ENGLISH_WORD);
    }
  });

  it('summarises events in Chinese, keeping venue names', () => {
    expect(summariseEvent(documentedFill(), 'zh-CN')).toBe('订单 polymarket 完全成交');
    expect(summariseEvent(betEvent('UPDATE', { betId: 2, bookmaker: 'pinnacle' }), 'zh-CN')).toBe(
      '对冲 pinnacle 已更新',
    );
    expect(summariseEvent(emergencyEvent({ emergency: true }), 'zh-CN')).toBe('紧急状态开启');
  });

  it('shows a status it does not know by the server word', () => {
    const event = betEvent('UPDATE', { betId: 2, bookmaker: 'pinnacle', betStatus: 'VOID_LATER' });
    expect(summariseEvent(event, 'zh-CN')).toBe('对冲 pinnacle void later');
  });
});

describe('followFeed', () => {
  it('keeps the last event in both languages, so a change of language needs no new event', async () => {
    const listeners = new Map<string, (...args: never[]) => void>();
    const feed = {
      on: (event: string, listener: (...args: never[]) => void) => {
        listeners.set(event, listener);
        return () => {};
      },
      currentEngine: null,
    } as unknown as TrayFeed;
    const update = vi.fn<(patch: Partial<TrayInput>) => void>();
    followFeed({ update }, feed);
    (listeners.get('event') as (event: unknown) => void)(documentedFill(NOW));
    await Promise.resolve();
    expect(update).toHaveBeenCalledWith(
      expect.objectContaining({ lastEvent: { at: NOW, summary: LAST } }),
    );
  });
});

describe('TrayController and the language', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('redraws the tooltip and menu at once when the language changes', () => {
    const tooltips: string[] = [];
    const menus: MenuItemConstructorOptions[][] = [];
    const tray: TrayHandle = {
      setImage: () => {},
      setToolTip: (tooltip: string) => {
        tooltips.push(tooltip);
      },
      setTitle: () => {},
      setContextMenu: (menu: Menu | null) => {
        menus.push((menu as unknown as { template: MenuItemConstructorOptions[] }).template);
      },
      on: () => tray as never,
      destroy: () => {},
    };
    const controller = new TrayController({
      tray,
      buildMenu: (template) => ({ template }) as unknown as Menu,
      resolveIcon: () => 'icon.png',
      platform: 'linux',
      initial: trayInput({ lastEvent: { at: NOW - MINUTE, summary: LAST } }),
      actions: NO_TRAY_ACTIONS,
      timeZone: 'UTC',
    });
    expect(tooltips.at(-1)).toContain('Last: 14:29 order polymarket fully matched');
    expect(menus.at(-1)?.find((item) => item.id === 'open-dashboard')?.label).toBe(
      'Open dashboard',
    );

    controller.update({ language: 'zh-CN' });

    expect(tooltips.at(-1)).toContain('最近：14:29 订单 polymarket 完全成交');
    expect(tooltips.at(-1)?.split('\n')[0]).toBe(`${PRODUCT_NAME}：已连接（自 14:05 起）`);
    expect(menus.at(-1)?.find((item) => item.id === 'open-dashboard')?.label).toBe('打开仪表盘');
    expect(controller.probe.state().menu[0]).toMatchObject({ label: '已连接（自 14:05 起）' });

    controller.update({ language: 'en' });
    expect(tooltips.at(-1)?.split('\n')[0]).toBe(`${PRODUCT_NAME}: Live since 14:05`);
    controller.destroy();
  });
});
