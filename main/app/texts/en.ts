import type { TradingTexts } from './catalog';

function orders(count: number): string {
  return `${count} open order${count === 1 ? '' : 's'}`;
}

export const en: TradingTexts = {
  states: {
    live: 'Trading live',
    manual_paused: 'Trading paused',
    manual_stopped: 'Trading stopped',
    soft_paused: 'Trading soft-paused by the engine',
    system_stopped: 'Trading stopped by the system',
    emergency: 'Trading halted: emergency',
  },
  otherState: (status) => `Trading: ${status}`,
  inSentence: (label) => label.toLowerCase(),
  actions: {
    pause: 'Pause trading',
    resume: 'Resume trading',
    stop: 'Stop trading',
    start: 'Start trading',
    'cancel-all': 'Cancel all open orders',
  },

  everyOpenOrder: 'every open order',
  aboutOpenOrders: (count) => `every open order (about ${count} by this app's last count)`,
  noOrderOpen: 'every open order (none is open now)',
  allOpenOrders: (count) => `all ${orders(count)}`,
  statusUnknown: ' The current trading status is unknown: it could not be read from the server.',
  stopQuestion: (which, unknown) => ({
    title: 'Stop trading?',
    message: `This cancels ${which} at the exchanges and posts no new orders until you choose Start trading. Hedging of fills already matched goes on.${unknown}`,
    confirm: 'Stop trading',
  }),
  cancelAllQuestion: (which, unknown) => ({
    title: 'Cancel all open orders?',
    message: `This cancels ${which} at the exchanges. Trading goes on: the engine may post new orders.${unknown}`,
    confirm: 'Cancel all orders',
  }),

  results: {
    pause_applied: 'Trading paused: no new orders are posted; resting orders stay.',
    already_paused: 'Trading was already paused.',
    stop_applied: 'Trading stopped.',
    already_stopped: 'Trading was already stopped.',
    start_applied: 'Trading started.',
    resume_applied: 'Trading resumed.',
    start_required: 'Trading is stopped: choose Start trading, not Resume.',
    already_live: 'Trading was already live.',
  },
  actionDone: (action, state) => `${action}: done (${state}).`,
  stateNow: (result, state) => `${result} The status now: ${state}.`,
  unclearAnswer: (problem, state) =>
    `No clear answer from the server (${problem}). The status now: ${state}.`,
  partlyFailed: (problem, state) =>
    `The server reports a partial failure (${problem}). The status now: ${state}.`,
  unclearAnswerUnread: (problem, readProblem) =>
    `No clear answer from the server (${problem}), and the status could not be read (${readProblem}): check it before trying again.`,
  withCancelled: (result, cancelled) => `${result} ${orders(cancelled)} cancelled.`,
  cancelAccepted: 'Cancel request accepted.',
  cancelled: (cancelled, failed) =>
    `${orders(cancelled)} cancelled${failed ? `, ${failed} could not be cancelled` : ''}.`,

  wasState: (state) => ` (was: ${state})`,
  changedByServer: (was) => `Changed by the server${was}.`,
  reasonWas: (reason, was) => `${reason}${was}`,

  gapNotRead:
    'Not everything missed while disconnected could be read from the server: fills made meanwhile may be missing. Retried automatically.',
  gapTooLarge:
    'More orders were made while disconnected than MM Tray reads back at once: fills made early in that time may be missing. Check them on the exchange.',
  reloadFailed: (problem) =>
    `Orders, hedges and accounts could not be reloaded from the server (${problem}): updates the feed missed may not be shown. Retried automatically.`,

  outcomeDone: (action) => `${action}: done`,
  outcomeFailed: (action) => `${action} failed`,
  notConnected: 'not connected: set an API key or start the demo first',
};
