import { expect } from 'vitest';
import type { FeedEvent } from '../../../common/domain/events';
import type { Channel } from '../../../common/protocol/channels';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import type { FeedStore } from '../../../main/store/feed-store';

let lastSeq = 0;

/** A FeedEvent built the way the engine builds one: a JSON frame through parseServerFrame. */
export function feedEvent(frame: Record<string, unknown>, receivedAt = 0): FeedEvent {
  const result = parseServerFrame(JSON.stringify(frame));
  if (!result.ok) throw new Error(`test frame rejected: ${result.error}`);
  if (result.frame.type !== 'broadcast') throw new Error(`not a broadcast: ${result.frame.type}`);
  lastSeq += 1;
  return { ...result.frame, seq: lastSeq, receivedAt };
}

function broadcast(
  channel: Channel,
  event: 'INSERT' | 'UPDATE',
  payload: Record<string, unknown>,
  old?: Record<string, unknown>,
): Record<string, unknown> {
  return { type: 'broadcast', channel, event, payload, ...(old ? { old } : {}) };
}

export const orderEvent = (
  event: 'INSERT' | 'UPDATE',
  payload: Record<string, unknown>,
  old?: Record<string, unknown>,
  at = 0,
) => feedEvent(broadcast('orders', event, payload, old), at);

export const betEvent = (event: 'INSERT' | 'UPDATE', payload: Record<string, unknown>, at = 0) =>
  feedEvent(broadcast('bets', event, payload), at);

export const scoreEvent = (payload: Record<string, unknown>, at = 0) =>
  feedEvent(broadcast('scores', 'UPDATE', payload), at);

export const accountEvent = (payload: Record<string, unknown>, at = 0) =>
  feedEvent(broadcast('accounts', 'UPDATE', payload), at);

export const emergencyEvent = (payload: Record<string, unknown>, at = 0) =>
  feedEvent(broadcast('emergency', 'UPDATE', payload), at);

/** The documented example of a fill (orders UPDATE with old values). */
export const documentedFill = (at = 0) =>
  orderEvent(
    'UPDATE',
    {
      orderId: 123,
      fixtureId: 'id1000000861624412',
      outcomeId: 161,
      exchange: 'polymarket',
      exchangeOrderId: '0x1a2b3c',
      orderStatus: 'FILLED',
      matchedStatus: 'FULLY_MATCHED',
      orderCents: 0.45,
      orderStake: 100.0,
      matchedStake: 100.0,
      matchedAt: '2026-02-15T10:30:05Z',
    },
    { orderStatus: 'PLACED', matchedStatus: 'NOT_MATCHED', matchedStake: 0 },
    at,
  );

/** The documented example of a hedge bet placed for order 123. */
export const documentedHedge = (at = 0) =>
  betEvent(
    'INSERT',
    {
      betId: 456,
      orderId: 123,
      client: 'your-client',
      bookmaker: 'vertex',
      placedPrice: 1.808,
      placedStake: 100.0,
      betStatus: 'placed',
      sentData: { requestId: 'a1b2c3d4', eventId: 98765, price: 1.808, amount: 100.0, side: '1' },
      receivedData: { betId: '789', status: 'U' },
      placedAt: '2026-02-15T10:30:08Z',
    },
    at,
  );

export interface StoreLimits {
  maxOrders: number;
  maxBets: number;
  maxScores: number;
  maxAccounts: number;
  recentCapacity: number;
}

/** Every collection of the store within its limit, and the bet index within the bets. */
export function expectWithinLimits(store: FeedStore, limits: StoreLimits): void {
  const sizes = store.sizes();
  expect(sizes.orders).toBeLessThanOrEqual(limits.maxOrders);
  expect(sizes.bets).toBeLessThanOrEqual(limits.maxBets);
  expect(sizes.betIndex).toBeLessThanOrEqual(sizes.bets);
  expect(sizes.scores).toBeLessThanOrEqual(limits.maxScores);
  expect(sizes.accounts).toBeLessThanOrEqual(limits.maxAccounts);
  expect(sizes.recentEvents).toBeLessThanOrEqual(limits.recentCapacity);
}
