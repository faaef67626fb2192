import { z } from 'zod';
import { restNumber } from './numbers';

/**
 * `GET pnl`: market-making P&L over a date range. The four figures the dashboard shows
 * are required; the rest are read when present.
 */
export const pnlSchema = z.looseObject({
  /** Net spread captured across fully settled hedged pairs ($). */
  netRealizedSpread: restNumber,
  /** Directional P&L of settled fills that were never hedged ($). */
  nakedPnl: restNumber,
  /** Matched exchange stake that never reached a successful hedge ($). */
  unhedgedStake: restNumber,
  /** The same as a percentage of all matched stake (1.65 means 1.65 %). */
  unhedgedStakePct: restNumber,
  totalTurnover: restNumber.nullish(),
  validTurnover: restNumber.nullish(),
  avgHedgePriceDrift: restNumber.nullish(),
  settledPairCount: restNumber.nullish(),
  nakedSettledCount: restNumber.nullish(),
  fromDate: z.string().nullish(),
  toDate: z.string().nullish(),
});
export type Pnl = z.output<typeof pnlSchema>;
