import type { Pnl } from '../../../common/rest/pnl';
import type { TradingControlResult, TradingStatus } from '../../../common/rest/trading-status';
import type { CancelResult } from '../../rest';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function since(at: string | null | undefined, reason: string | null | undefined): string {
  const parts = [at ? `since ${at}` : '', reason ? `(${reason})` : ''].filter(Boolean);
  return parts.length > 0 ? `, ${parts.join(' ')}` : '';
}

/** `mm-tray-cli status` without --json. */
export function statusText(status: TradingStatus): string {
  const lines = [
    `Trading status for ${status.clientName}: ${status.status}`,
    `  trading active  ${yesNo(status.tradingActive)}`,
    `  manual pause    ${yesNo(status.manualPaused)}${status.manualPaused ? since(status.manualPausedAt, status.manualPauseReason) : ''}`,
    `  manual stop     ${yesNo(status.manualStopped)}${status.manualStopped ? since(status.manualStoppedAt, status.manualStopReason) : ''}`,
    `  soft pause      ${yesNo(status.softPaused)}`,
    `  system stop     ${yesNo(status.systemStopped)}`,
    `  emergency       ${yesNo(status.emergencyActive)}`,
  ];
  if (status.systemTradingBlocked) {
    const duration = status.systemDurationSeconds ? ` for ${status.systemDurationSeconds} s` : '';
    lines.push(
      `  engine-wide block${duration}: ${status.systemReason ?? 'no reason given'} (clients cannot lift it)`,
    );
  }
  return lines.join('\n');
}

const RESULT_TEXT: Record<string, (r: TradingControlResult) => string> = {
  pause_applied: () =>
    'Trading paused: resting orders stay, no new orders are posted; hedging goes on.',
  already_paused: () => 'Trading was already paused.',
  resume_applied: () => 'Trading resumed.',
  already_live: () => 'Trading was already live.',
  stop_applied: (r) =>
    `Trading stopped: ${r.cancelledOrders != null ? `${r.cancelledOrders} open order(s)` : 'every open order'} cancelled; no new orders until \`mm-tray-cli start\`.`,
  already_stopped: (r) =>
    `Trading was already stopped${r.cancelledOrders ? `; ${r.cancelledOrders} open order(s) cancelled` : ''}.`,
  start_applied: () => 'Trading started.',
  start_required: () => 'Trading is stopped, not paused: run `mm-tray-cli start` to trade again.',
};

/** The answer to pause, resume, stop or start without --json. */
export function controlText(result: TradingControlResult): string {
  const said = result.result ? RESULT_TEXT[result.result]?.(result) : undefined;
  const lines = [said ?? `Done${result.result ? ` (${result.result})` : ''}.`];
  lines.push(`Status now: ${result.status}`);
  if (result.systemTradingBlocked) {
    lines.push(
      `Trading stays blocked engine-wide: ${result.systemReason ?? 'no reason given'} (${result.status}).`,
    );
  }
  return lines.join('\n');
}

/** "on kalshi for fixture id1", or "" when unfiltered. */
export function scope(filter: { exchange?: string; fixtureId?: string }): string {
  const parts = [
    filter.exchange ? `on ${filter.exchange}` : '',
    filter.fixtureId ? `for fixture ${filter.fixtureId}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

export function cancelText(
  result: CancelResult,
  filter: { exchange?: string; fixtureId?: string },
): string {
  const count = result.cancelled != null ? `${result.cancelled} open order(s)` : 'open orders';
  return `Cancelled ${count}${scope(filter)}. Trading goes on: the engine may post new orders.`;
}

function money(value: number | null | undefined): string {
  return value == null
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function pnlTitle(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? `P&L ${from} (UTC)` : `P&L ${from} to ${to} (UTC)`;
  if (from) return `P&L from ${from} (UTC)`;
  if (to) return `P&L up to ${to} (UTC)`;
  return 'P&L, all dates';
}

export function pnlText(pnl: Pnl, from: string | undefined, to: string | undefined): string {
  const rows: [string, string][] = [
    ['net realized spread', money(pnl.netRealizedSpread)],
    ['naked P&L', money(pnl.nakedPnl)],
    ['unhedged stake', `${money(pnl.unhedgedStake)} (${pnl.unhedgedStakePct} %)`],
  ];
  if (pnl.totalTurnover != null) {
    const valid = pnl.validTurnover != null ? ` (valid ${money(pnl.validTurnover)})` : '';
    rows.push(['turnover', `${money(pnl.totalTurnover)}${valid}`]);
  }
  if (pnl.settledPairCount != null) {
    const naked = pnl.nakedSettledCount != null ? ` (${pnl.nakedSettledCount} naked fills)` : '';
    rows.push(['settled pairs', `${pnl.settledPairCount}${naked}`]);
  }
  return [
    pnlTitle(from, to),
    ...rows.map(([label, value]) => `  ${label.padEnd(20)} ${value}`),
  ].join('\n');
}
