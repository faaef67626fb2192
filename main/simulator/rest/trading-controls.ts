import type { MarketModel } from '../market-model';
import type { OrderRecord } from '../model-types';
import { badGateway, conflict } from './http-problem';

export interface ClientIdentity {
  client: string;
  name: string;
}

/** The `trading/status` body (TradingStatusResponse in openapi.json). */
export function tradingStatusBody(model: MarketModel, who: ClientIdentity, nowMs: number) {
  const trading = model.trading(who.client);
  const system = model.systemTrading();
  const emergency = model.emergency();
  const systemTradingBlocked = emergency.emergency || system.softPaused || system.systemStopped;
  const blockedSince = emergency.emergency ? emergency.triggeredAt : system.since;
  return {
    client: who.client,
    clientName: who.name,
    oddsFormat: 'decimal',
    status: model.tradingStatus(who.client),
    tradingActive: !trading.manualPaused && !trading.manualStopped && !systemTradingBlocked,
    manualPaused: trading.manualPaused,
    manualPausedAt: trading.manualPausedAt,
    manualPauseReason: trading.manualPauseReason,
    manualStopped: trading.manualStopped,
    manualStoppedAt: trading.manualStoppedAt,
    manualStopReason: trading.manualStopReason,
    systemTradingBlocked,
    emergencyActive: emergency.emergency,
    systemStopped: system.systemStopped,
    softPaused: system.softPaused,
    systemReason: emergency.emergency ? emergency.reason : system.reason,
    systemDurationSeconds:
      systemTradingBlocked && blockedSince
        ? Math.max(0, Math.round((nowMs - Date.parse(blockedSince)) / 1000))
        : 0,
  };
}

/** Why an engine-wide block refuses start and resume, or null when there is none. */
function systemBlock(model: MarketModel): string | null {
  const emergency = model.emergency();
  if (emergency.emergency) return `emergency (${emergency.reason ?? 'no reason given'})`;
  const system = model.systemTrading();
  if (system.systemStopped) return `system stop (${system.reason ?? 'no reason given'})`;
  return null;
}

export type CancelFault = (order: OrderRecord) => boolean;

export interface ControlOutcome {
  result: string;
  cancelledOrders?: number;
}

/**
 * The four controls. Asking for the state already in force answers 200 with an
 * `already_*` result; resume on a stopped engine answers `start_required` (both are
 * documented results). 409 when an engine-wide block (emergency, system stop) forbids
 * going live; pause and stop are never refused: they only make trading safer.
 */
export const tradingControls = {
  pause(model: MarketModel, client: string): ControlOutcome {
    if (model.trading(client).manualStopped) return { result: 'already_stopped' };
    return {
      result: model.pauseTrading(client, 'Paused over the REST API')
        ? 'pause_applied'
        : 'already_paused',
    };
  },

  resume(model: MarketModel, client: string): ControlOutcome {
    const trading = model.trading(client);
    if (trading.manualStopped) return { result: 'start_required' };
    const block = systemBlock(model);
    if (block) throw conflict(`Trading cannot resume during a ${block}`);
    return { result: model.resumeTrading(client) ? 'resume_applied' : 'already_live' };
  },

  stop(model: MarketModel, client: string, fault: CancelFault | null): ControlOutcome {
    const wasStopped = model.trading(client).manualStopped;
    const failing = fault ? model.openOrders(client).filter(fault) : [];
    const cancelled = model.stopTrading(client, {
      reason: 'Stopped over the REST API',
      ...(fault ? { skip: fault } : {}),
    });
    if (failing.length > 0) {
      throw badGateway(
        `Trading stopped, but ${failing.length} of ${failing.length + cancelled.length} open orders could not be cancelled (${describeExchanges(failing)} did not confirm)`,
      );
    }
    return {
      result: wasStopped ? 'already_stopped' : 'stop_applied',
      cancelledOrders: cancelled.length,
    };
  },

  start(model: MarketModel, client: string): ControlOutcome {
    const block = systemBlock(model);
    if (block) throw conflict(`Trading cannot start during a ${block}`);
    return { result: model.startTrading(client) ? 'start_applied' : 'already_live' };
  },
};

export function describeExchanges(orders: OrderRecord[]): string {
  return [...new Set(orders.map((o) => o.exchange))].sort().join(', ');
}
