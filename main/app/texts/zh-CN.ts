import type { TradingTexts } from './catalog';

/** The dashboard's words (renderer/src/i18n/zh-CN.ts, trading.*). */
export const zhCN: TradingTexts = {
  states: {
    live: '交易进行中',
    manual_paused: '交易已暂停',
    manual_stopped: '交易已停止',
    soft_paused: '引擎软暂停',
    system_stopped: '系统已停止交易',
    emergency: '紧急状态：交易中止',
  },
  otherState: (status) => `交易：${status}`,
  inSentence: (label) => label,
  actions: {
    pause: '暂停交易',
    resume: '恢复交易',
    stop: '停止交易',
    start: '开始交易',
    'cancel-all': '撤销所有挂单',
  },

  everyOpenOrder: '所有挂单',
  aboutOpenOrders: (count) => `所有挂单（按本应用最近的统计约 ${count} 笔）`,
  noOrderOpen: '所有挂单（当前没有挂单）',
  allOpenOrders: (count) => `全部 ${count} 笔挂单`,
  statusUnknown: '当前交易状态未知：无法从服务器读取。',
  stopQuestion: (which, unknown) => ({
    title: '停止交易？',
    message: `这将在交易所撤销${which}，并且在您选择“开始交易”之前不再下新单。已成交部分的对冲会继续。${unknown}`,
    confirm: '停止交易',
  }),
  cancelAllQuestion: (which, unknown) => ({
    title: '撤销所有挂单？',
    message: `这将在交易所撤销${which}。交易继续：引擎可能会下新单。${unknown}`,
    confirm: '撤销所有挂单',
  }),

  results: {
    pause_applied: '交易已暂停：不再下新单，现有挂单保留。',
    already_paused: '交易此前已暂停。',
    stop_applied: '交易已停止。',
    already_stopped: '交易此前已停止。',
    start_applied: '交易已开始。',
    resume_applied: '交易已恢复。',
    start_required: '交易已停止：请选择“开始交易”，而不是“恢复交易”。',
    already_live: '交易此前已在进行中。',
  },
  actionDone: (action, state) => `${action}：已完成（${state}）。`,
  stateNow: (result, state) => `${result}当前状态：${state}。`,
  unclearAnswer: (problem, state) => `服务器没有给出明确答复（${problem}）。当前状态：${state}。`,
  partlyFailed: (problem, state) => `服务器报告部分失败（${problem}）。当前状态：${state}。`,
  unclearAnswerUnread: (problem, readProblem) =>
    `服务器没有给出明确答复（${problem}），且无法读取交易状态（${readProblem}）：请先确认状态再重试。`,
  withCancelled: (result, cancelled) => `${result}已撤销 ${cancelled} 笔挂单。`,
  cancelAccepted: '撤单请求已接受。',
  cancelled: (cancelled, failed) =>
    `已撤销 ${cancelled} 笔挂单${failed ? `，${failed} 笔无法撤销` : ''}。`,

  wasState: (state) => `（之前：${state}）`,
  changedByServer: (was) => `由服务器更改${was}。`,
  reasonWas: (reason, was) => `${reason}${was}`,

  gapNotRead: '断线期间错过的更新未能全部从服务器读取：期间的成交可能缺失。会自动重试。',
  gapTooLarge:
    '断线期间产生的订单多于 MM Tray 一次能读回的数量：那段时间较早的成交可能缺失。请在交易所核对。',
  reloadFailed: (problem) =>
    `无法从服务器重新读取挂单、对冲注单和账户（${problem}）：实时推送错过的更新可能未显示。会自动重试。`,

  outcomeDone: (action) => `${action}：已完成`,
  outcomeFailed: (action) => `${action}失败`,
  notConnected: '未连接：请先设置 API 密钥或启动演示',
};
