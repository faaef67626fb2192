/** The overall trading states the documentation lists for `trading/status`. No zod here: the renderer imports it. */
export const TRADING_STATES = [
  'live',
  'manual_paused',
  'manual_stopped',
  'soft_paused',
  'system_stopped',
  'emergency',
] as const;
export type TradingState = (typeof TRADING_STATES)[number];

export function isKnownTradingState(value: string): value is TradingState {
  return (TRADING_STATES as readonly string[]).includes(value);
}
