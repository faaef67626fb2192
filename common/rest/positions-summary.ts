import { z } from 'zod';
import { restNumber } from './numbers';

/** `GET positions/summary` (the documented OrderSummary shape). */
export const positionsSummarySchema = z.looseObject({
  totalOrders: restNumber,
  fixtureCount: restNumber,
  exchangeCount: restNumber,
  totalStake: restNumber,
  totalMatched: restNumber,
  totalOpen: restNumber,
  filledCount: restNumber,
  cancelledCount: restNumber,
  openCount: restNumber,
});
export type PositionsSummary = z.output<typeof positionsSummarySchema>;
