import type { TrayTexts } from './catalog';

/** Order statuses in the dashboard's words (renderer/src/i18n/zh-CN.ts). */
const ORDER_STATUSES: Record<string, string> = {
  FULLY_MATCHED: '完全成交',
  PARTIALLY_MATCHED: '部分成交',
  NOT_MATCHED: '未成交',
  MATCHED: '已成交',
  FILLED: '已成交',
  PLACED: '已下单',
  PENDING_PLACEMENT: '等待下单',
  CANCELLED: '已撤销',
  EXPIRED: '已过期',
  FAILED: '失败',
};

const BET_STATUSES: Record<string, string> = {
  PLACED: '已下注',
  PENDING: '待定',
  DECLINED: '被拒',
  CANCELLED: '已撤销',
  FAILED: '失败',
};

/** The venue after the subject, when known: "订单 polymarket 完全成交". */
function at(venue: string): string {
  return venue ? ` ${venue}` : '';
}

/** The dashboard's words (renderer/src/i18n/zh-CN.ts: connection.*, settings.quiet.*, ...). */
export const zhCN: TrayTexts = {
  locale: 'zh-CN',

  states: {
    connecting: '正在连接',
    live: '已连接',
    reconnecting: '正在重连',
    'auth-failed': 'API 密钥被拒绝',
    stopped: '已停止',
  },
  noApiKey: '没有 API 密钥',
  noApiKeyHint: '没有 API 密钥：请在设置中添加',
  keychainUnreadable: '钥匙串不可用：尚未读取 API 密钥',
  stateSince: (state, clock) => `${state}（自 ${clock} 起）`,
  attempt: (line, attempt) => `${line}，第 ${attempt} 次尝试`,
  emergency: (since) => (since === null ? '紧急状态' : `紧急状态（自 ${since} 起）`),
  emergencyReason: (reason) => `紧急状态：${reason}`,
  feed: (line) => `推送：${line}`,
  named: (name, line) => `${name}：${line}`,
  today: (fills, hedges, unhedged, count) => {
    const parts = [`成交 ${count(fills)} 笔`, `对冲 ${count(hedges)} 笔`];
    if (unhedged > 0) parts.push(`未对冲 ${count(unhedged)} 笔`);
    return `今日：${parts.join('，')}`;
  },
  last: (clock, summary) => `最近：${clock} ${summary}`,
  missingHedges: (_fills, count) => `${count} 笔成交缺少对冲`,

  pausedUntil: (clock) => `通知已暂停至 ${clock}`,
  pauseNotifications: '暂停通知',
  quietPaused: (clock) => `已暂停至 ${clock}（紧急状态仍会通知）`,
  quietOff: '通知已开启',
  for30Minutes: '30 分钟',
  for1Hour: '1 小时',
  untilTomorrow: (hour) => `至明天 ${hour}:00`,
  untilToday: (hour) => `至今天 ${hour}:00`,
  resumeNotifications: '恢复通知',

  openDashboard: '打开仪表盘',
  reconnectNow: '立即重连',
  settings: '设置…',
  openLogs: '打开日志文件夹',
  quit: (product) => `退出 ${product}`,

  tradingUnknown: '交易状态未知',
  tradingUnknownRestFailed: '交易状态未知（REST 请求失败）',
  tradingPause: '暂停交易',
  tradingResume: '恢复交易',
  tradingStop: '停止交易（撤销所有挂单）…',
  tradingStart: '开始交易',
  tradingCancelAll: '撤销所有挂单…',
  working: (label) => `${label.replace(/…$/, '')}（处理中…）`,

  cancelButton: '取消',

  events: {
    orderStatus: (status) => ORDER_STATUSES[status.toUpperCase()] ?? null,
    betStatus: (status) => BET_STATUSES[status.toUpperCase()] ?? null,
    created: '新建',
    updated: '已更新',
    order: (exchange, change) => `订单${at(exchange)} ${change}`,
    hedge: (bookmaker, change) => `对冲${at(bookmaker)} ${change}`,
    balance: (stake) => `余额 ${stake}`,
    account: (exchange, what) => `账户${at(exchange)} ${what}`,
    score: (fixtureId, score) => `比分 ${fixtureId} ${score}`,
    emergencyRaised: '紧急状态开启',
    emergencyCleared: '紧急状态解除',
  },
};
