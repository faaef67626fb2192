import type { NotificationKind } from '../../../common/domain/notifications';
import { numberFormats } from '../format';
import type { AlertTexts, Priced } from './catalog';

const numbers = numberFormats('zh-CN');

/** "自 10:30:00 起", or "自 10:27:55（2 分钟前）起". */
function since(clock: string, ago: string): string {
  return `自 ${clock}${ago || ' '}起`;
}

/** The place first, as a Chinese sentence puts it: "polymarket 成交…". */
function at(venue: string | null): string {
  return venue ? `${venue} ` : '';
}

/** "polymarket 成交 100.00 @ 45¢" */
function priced(verb: string, { stake, price, venue }: Priced): string {
  return `${at(venue)}${verb} ${stake}${price !== null ? ` @ ${price}` : ''}`;
}

/** The words the dashboard uses for each kind (renderer/src/i18n/zh-CN.ts, kind.*). */
const SUMMARY_LABELS: Record<NotificationKind, string> = {
  fill: '笔成交',
  hedge: '笔对冲已下注',
  'hedge-declined': '笔对冲被拒',
  'hedge-missing': '笔成交缺少对冲',
  emergency: '次紧急状态',
  'emergency-cleared': '次紧急状态解除',
  'connection-lost': '次连接中断',
  'connection-restored': '次连接恢复',
  'auth-failed': '次 API 密钥被拒绝',
  'trading-status': '次交易状态变化',
};

export const zhCN: AlertTexts = {
  locale: 'zh-CN',
  numbers,
  durationUnits: { s: '秒', min: '分钟', h: '小时', d: '天' },
  unknownTime: '未知时间',
  listNames: (names, total) => {
    const shown = names.slice(0, 3);
    const more = total - shown.length;
    return more > 0 ? `${shown.join('、')} 等另外 ${numbers.count(more)} 个` : shown.join('、');
  },

  fixture: (fixtureId) => `赛事 ${fixtureId}`,
  reason: (reason) => `原因：${reason}`,
  ago: (duration) => `（${duration}前）`,

  fillTitle: (partial, fill) => priced(partial ? '部分成交' : '成交', fill),
  order: (orderId, side) => `订单 ${orderId}${side ? `（${side}）` : ''}`,
  matchedOf: (matched, ordered) => `已成交 ${matched} / ${ordered}`,
  matchedInTotal: (matched) => `累计成交 ${matched}`,
  hedgedFill: (fill) => priced('成交', fill),

  stakeUnknown: '金额未知',
  hedgeTitle: (pending, bet) => priced(pending ? '对冲待定' : '对冲已下注', bet),
  forOrder: (orderId) => `对应订单 ${orderId}`,
  hedgeBet: '对冲注单',
  hedgeDeclinedTitle: (bookmaker) => `${at(bookmaker)}对冲被拒`,
  declinedBet: (bet, orderId) => `${bet}${orderId ? `（订单 ${orderId}）` : ''}`,
  orderStillHedged: '该订单仍有另一笔有效对冲',
  fillNotHedged: '该成交未对冲',

  missingTitle: (orderId) => `订单 ${orderId} 缺少对冲`,
  missingFill: (stake, exchange, clock, grace) =>
    `${clock}${exchange ? ` 在 ${exchange}` : ''} 成交 ${stake}，${grace}内未对冲`,
  unhedgedOnOrder: (stake, _fills, count) => `该订单共 ${stake} 未对冲（${count} 笔成交）`,

  emergencyTitle: '紧急状态已开启',
  reasonNotGiven: '未说明',
  emergencySince: since,
  emergencyClearedTitle: '紧急状态已解除',
  emergencyEnded: (clock, lasted) => `于 ${clock} 结束${lasted !== null ? `，持续 ${lasted}` : ''}`,
  activeSince: (clock) => `开始于 ${clock}`,

  connectionLostTitle: '推送连接中断',
  noLiveUpdatesSince: (clock, ago) => `${since(clock, ago)}没有实时更新`,
  gapNotReplayed: '中断期间的更新不会补发',
  notConnectedTitle: '推送未连接',
  tryingSince: (clock, ago) => `${since(clock, ago)}一直在尝试连接`,
  connectionRestoredTitle: '推送连接已恢复',
  liveAgain: (downFor, downSince) => `中断 ${downFor}后恢复实时（自 ${downSince} 起中断）`,
  missedMeanwhile: '期间发送的更新已错过',
  authFailedTitle: 'API 密钥被拒绝',
  keyRefused: '服务器拒绝了 API 密钥',
  checkKey: '请在设置中检查 API 密钥',

  summaryTitle: (kind, _n, count) => `另有 ${count} ${SUMMARY_LABELS[kind]}`,
  summaryOrders: (_n, list) => `订单 ${list}`,
  summaryFills: (stake, venues) => `${at(venues)}成交 ${stake}`,
  summaryHedges: (stake, venues) => `${at(venues)}对冲下注 ${stake}`,
  summaryDeclined: (stake, venues) => `${at(venues)}对冲被拒 ${stake}`,
  fillsMayBeUnhedged: '成交可能未对冲',
  summaryMissing: (stake, venues) => `${at(venues)}未对冲 ${stake}`,
  seeApp: '详情请在应用中查看',
};
