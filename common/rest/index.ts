export { DAY_PATTERN, isDay, restNumber, utcDay } from './numbers';
export { type Pnl, pnlSchema } from './pnl';
export { type PositionsSummary, positionsSummarySchema } from './positions-summary';
export type {
  RestAccount,
  RestBet,
  RestOrder,
  RestRecord,
  RestSnapshot,
} from './snapshot';
export {
  CONTROL_RESULTS,
  type ControlResult,
  isKnownTradingState,
  TRADING_STATES,
  type TradingControlResult,
  type TradingState,
  type TradingStatus,
  tradingControlSchema,
  tradingStatusSchema,
} from './trading-status';
