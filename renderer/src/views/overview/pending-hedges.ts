import type { BetPayload } from '../../../../common/protocol/payloads';
import { hedgeState } from '../../store/record-keys';

/** Hedge bets pending right now (not how many became pending today: most are placed since). */
export function pendingHedges(bets: ReadonlyMap<string, BetPayload>): number {
  let pending = 0;
  for (const bet of bets.values()) if (hedgeState(bet) === 'pending') pending++;
  return pending;
}
