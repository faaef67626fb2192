import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationIntent } from '../../../common/domain/notifications';
import type { BurstSummary } from '../../../main/alerts/coalescer';
import type { ConnectionAlert } from '../../../main/alerts/connection-watch';
import { clockFormat } from '../../../main/alerts/format';
import { NotificationPolicy } from '../../../main/alerts/notification-policy';
import {
  connectionNotice,
  emergencyClearedIntent,
  emergencyIntent,
  fillNotice,
  hedgeDeclinedNotice,
  hedgeMissingNotice,
  hedgeNotice,
  summaryIntent,
  type TextContext,
} from '../../../main/alerts/notification-texts';
import type { StoreEffect } from '../../../main/store/effects';

const T0 = Date.UTC(2026, 1, 15, 10, 30, 0);

const ctx: TextContext = {
  language: 'zh-CN',
  clock: clockFormat('UTC', { locale: 'zh-CN', unknown: '未知时间' }),
  hedgeGraceMs: 15_000,
};

/** What may stay in Latin letters: ids, venue names, the server's reasons, and "API" (as the dashboard writes it). */
const DATA = [
  'ord42',
  'bet7',
  'fx1000',
  'polymarket',
  'kalshi',
  'pinnacle',
  'exchange halted',
  'Invalid API key',
  'API',
];

function english(intent: NotificationIntent): string[] {
  let rest = `${intent.title}\n${intent.body}`;
  for (const data of DATA) rest = rest.split(data).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

const order = {
  orderId: 'ord42',
  exchange: 'polymarket',
  fixtureId: 'fx1000',
  orderStake: 200,
  matchedStake: 100,
  orderCents: 0.45,
};
const bet = {
  betId: 'bet7',
  orderId: 'ord42',
  bookmaker: 'pinnacle',
  placedStake: 250,
  placedPrice: 2.423,
};

const fill = fillNotice(
  { kind: 'fill', order, matchedDelta: 100, matchedStake: 100, partial: true },
  ctx,
).render(T0);
const hedge = hedgeNotice(
  { kind: 'hedge-placed', bet: { ...bet, betStatus: 'placed' }, order },
  ctx,
).render(T0);
const pending = hedgeNotice(
  { kind: 'hedge-placed', bet: { ...bet, betStatus: 'pending', placedPrice: null } },
  ctx,
).render(T0);
const declined = hedgeDeclinedNotice(
  {
    kind: 'hedge-declined',
    bet: { ...bet, betStatus: 'declined' },
    order,
    replaced: false,
  },
  ctx,
).render(T0);
const stillHedged = hedgeDeclinedNotice(
  {
    kind: 'hedge-declined',
    bet: { ...bet, betStatus: 'declined', placedStake: null },
    replaced: true,
  },
  ctx,
).render(T0);
const missing = hedgeMissingNotice(
  {
    orderId: 'ord42',
    exchange: 'polymarket',
    fixtureId: 'fx1000',
    stake: 300,
    fills: 3,
    since: T0 - 20_000,
    newFills: 1,
    newStake: 100,
  },
  ctx,
).render(T0);
const emergency = emergencyIntent(
  { kind: 'emergency', active: true, reason: 'exchange halted', since: T0 - 125_000 },
  ctx,
  T0,
);
const emergencyNoReason = emergencyIntent(
  { kind: 'emergency', active: true, reason: null, since: T0 },
  ctx,
  T0,
);
const cleared = emergencyClearedIntent(
  { kind: 'emergency-cleared', reason: 'exchange halted', since: T0, activeSince: T0 - 3_720_000 },
  ctx,
  T0,
);
const connection = (alert: ConnectionAlert, at = T0) => connectionNotice(alert, ctx).render(at);
const lost = connection({
  kind: 'connection-lost',
  since: T0 - 45_000,
  reason: null,
  wasLive: true,
});
const notConnected = connection({
  kind: 'connection-lost',
  since: T0 - 45_000,
  reason: null,
  wasLive: false,
});
const restored = connection({ kind: 'connection-restored', downSince: T0 - 90_000, reason: null });
const authFailed = connection({ kind: 'auth-failed', since: T0, reason: 'Invalid API key' });
const authFailedNoReason = connection({ kind: 'auth-failed', since: T0, reason: null });

const burst = (kind: BurstSummary['kind']): BurstSummary => ({
  kind,
  count: 12,
  stake: 3450,
  venues: ['polymarket', 'kalshi'],
  venueCount: 5,
  orderIds: ['ord42'],
  orderCount: 1,
});
const summaries = NOTIFICATION_KINDS.map((kind) => summaryIntent(burst(kind), ctx, T0));

describe('notification texts in Simplified Chinese', () => {
  it('writes a fill, its hedge and the hedge declined as the dashboard words them', () => {
    expect(fill.title).toBe('polymarket 部分成交 100.00 @ 45¢');
    expect(fill.body).toBe('订单 ord42 · 已成交 100.00 / 200.00 · 赛事 fx1000');
    expect(hedge.title).toBe('pinnacle 对冲已下注 250.00 @ 2.423');
    expect(hedge.body).toBe('对应订单 ord42 · polymarket 成交 100.00 @ 45¢ · 赛事 fx1000');
    expect(pending.title).toBe('pinnacle 对冲待定 250.00');
    expect(declined.title).toBe('pinnacle 对冲被拒');
    expect(declined.body).toBe(
      '250.00 @ 2.423（订单 ord42） · polymarket 成交 100.00 @ 45¢ · 赛事 fx1000 · 该成交未对冲',
    );
    expect(stillHedged.body).toBe('金额未知 @ 2.423（订单 ord42） · 该订单仍有另一笔有效对冲');
  });

  it('writes a missing hedge with its clock time and grace period in Chinese units', () => {
    expect(missing.title).toBe('订单 ord42 缺少对冲');
    expect(missing.body).toBe(
      '10:29:40 在 polymarket 成交 100.00，15 秒内未对冲 · 该订单共 300.00 未对冲（3 笔成交） · 赛事 fx1000',
    );
  });

  it('writes emergencies and the connection in Chinese, dates in the zh-CN style', () => {
    expect(emergency.title).toBe('紧急状态已开启');
    expect(emergency.body).toBe('原因：exchange halted · 自 10:27:55（2 分钟 5 秒前）起');
    expect(emergencyNoReason.body).toBe('原因：未说明 · 自 10:30:00 起');
    expect(cleared.title).toBe('紧急状态已解除');
    expect(cleared.body).toBe(
      '于 10:30:00 结束，持续 1 小时 2 分钟 · 开始于 09:28:00 · 原因：exchange halted',
    );
    expect(lost.title).toBe('推送连接中断');
    expect(restored.body).toBe(
      '中断 1 分钟 30 秒后恢复实时（自 10:28:30 起中断） · 期间发送的更新已错过',
    );
    expect(authFailed.title).toBe('API 密钥被拒绝');
    const dated = connection(
      { kind: 'connection-lost', since: T0 - 86_400_000, reason: null, wasLive: true },
      T0,
    );
    expect(dated.body).toMatch(/^自 2月14日 10:30:00（1 天前）起没有实时更新/);
  });

  it('writes burst summaries in Chinese', () => {
    const [fills, hedges, declines] = summaries;
    expect(fills?.title).toBe('另有 12 笔成交');
    expect(fills?.body).toBe('polymarket、kalshi 等另外 3 个 成交 3,450.00 · 订单 ord42');
    expect(hedges?.title).toBe('另有 12 笔对冲已下注');
    expect(declines?.body).toContain('成交可能未对冲');
    expect(summaries.at(-1)).toMatchObject({
      title: '另有 12 次交易状态变化',
      body: '详情请在应用中查看',
    });
  });

  it('leaves no English word in any kind, once ids, venues and reasons are taken out', () => {
    const all = [
      fill,
      hedge,
      pending,
      declined,
      stillHedged,
      missing,
      emergency,
      emergencyNoReason,
      cleared,
      lost,
      notConnected,
      restored,
      authFailed,
      authFailedNoReason,
      ...summaries,
    ];
    for (const intent of all)
      expect({ kind: intent.kind, english: english(intent) }).toEqual({
        kind: intent.kind,
        english: [],
      });
  });
});

describe('NotificationPolicy language', () => {
  const fillEffect: StoreEffect = {
    kind: 'fill',
    order,
    matchedDelta: 100,
    matchedStake: 100,
    partial: true,
  };

  it('is English by default, and Chinese when asked', () => {
    const english = new NotificationPolicy({ timeZone: 'UTC' });
    expect(english.onEffects([fillEffect], T0)[0]?.title).toBe(
      'Partial fill 100.00 @ 45¢ on polymarket',
    );
    const chinese = new NotificationPolicy({ timeZone: 'UTC', language: 'zh-CN' });
    expect(chinese.onEffects([fillEffect], T0)[0]?.title).toBe('polymarket 部分成交 100.00 @ 45¢');
  });

  it('switches with setLanguage, for the summary of a burst under way too', () => {
    const policy = new NotificationPolicy({ timeZone: 'UTC', coalesceWindowMs: 2_000 });
    expect(policy.onEffects([fillEffect], T0)[0]?.title).toMatch(/^Partial fill/);
    policy.onEffects([fillEffect, fillEffect], T0 + 100); // held for the burst's summary
    policy.setLanguage('zh-CN');
    expect(policy.language).toBe('zh-CN');
    expect(policy.tick(T0 + 2_000).map((n) => n.title)).toEqual(['另有 2 笔成交']);
    policy.setLanguage('en');
    expect(
      policy.onEffects(
        [{ kind: 'emergency', active: true, reason: null, since: T0 + 3_000 }],
        T0 + 3_000,
      )[0]?.title,
    ).toBe('Emergency mode ON');
  });
});
