import type { TradingStatus } from '../../common/rest/trading-status';

/** The REST trading status a server answers in state `status`, its flags agreeing with it. */
export function tradingStatus(status: string, extra: Partial<TradingStatus> = {}): TradingStatus {
  return {
    client: 'demo',
    clientName: 'Demo',
    status,
    tradingActive: status === 'live',
    manualPaused: status === 'manual_paused',
    manualStopped: status === 'manual_stopped',
    systemTradingBlocked: status === 'system_stopped' || status === 'emergency',
    emergencyActive: status === 'emergency',
    systemStopped: status === 'system_stopped',
    softPaused: status === 'soft_paused',
    ...extra,
  };
}
