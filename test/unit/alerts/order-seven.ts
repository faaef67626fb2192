import { betEvent, orderEvent } from '../store/feed-events';

/** The alert tests' clock origin: the fills and hedges of order 7 are timed from it. */
export const T0 = Date.UTC(2026, 1, 15, 10, 30, 0);

/** Order 7's matched stake grows from `from` to `to` (of 100). */
export const grow = (from: number, to: number) =>
  orderEvent('UPDATE', { orderId: 7, matchedStake: to }, { matchedStake: from });

/** Hedge `betId` of order 7, placed `placedMs` after T0. */
export const hedge = (betId: string, betStatus: string, placedMs: number) =>
  betEvent('INSERT', {
    betId,
    orderId: 7,
    bookmaker: 'vertex',
    betStatus,
    placedAt: new Date(T0 + placedMs).toISOString(),
  });
