import type { FeedEvent } from '../../../common/domain/events';
import type { FeedStatus } from '../../../common/domain/status';
import type { AppSnapshot } from '../../../common/ipc/app-snapshot';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { EMPTY_TRADING_VIEW } from '../../../common/ipc/trading';
import type {
  AccountPayload,
  BetPayload,
  OrderPayload,
  ScorePayload,
} from '../../../common/protocol/payloads';
import { DEFAULT_SETTINGS } from '../../../common/settings/schema';

/** Small, readable feed data for unit tests (the Playwright suite uses the simulator's). */

export const T0 = Date.UTC(2026, 4, 1, 12, 0, 0);

function broadcastEvent(
  channel: 'orders' | 'bets',
  seq: number,
  record: Record<string, unknown>,
  old?: Record<string, unknown>,
): FeedEvent {
  const event = {
    type: 'broadcast',
    channel,
    event: old ? 'UPDATE' : 'INSERT',
    payload: { ...record },
    record: { ...record },
    seq,
    receivedAt: T0 + seq * 1000,
  } as FeedEvent;
  if (old) event.old = old;
  return event;
}

export function orderEvent(
  seq: number,
  record: Partial<OrderPayload> & { orderId: string },
  old?: Record<string, unknown>,
): FeedEvent {
  return broadcastEvent('orders', seq, record, old);
}

export function betEvent(
  seq: number,
  record: Partial<BetPayload> & { betId: string },
  old?: Record<string, unknown>,
): FeedEvent {
  return broadcastEvent('bets', seq, record, old);
}

export function accountEvent(seq: number, record: AccountPayload, old: Record<string, unknown>) {
  return {
    type: 'broadcast',
    channel: 'accounts',
    event: 'UPDATE',
    payload: { ...record },
    record: { ...record },
    old,
    seq,
    receivedAt: T0 + seq * 1000,
  } as FeedEvent;
}

export function scoreEvent(seq: number, record: ScorePayload): FeedEvent {
  return {
    type: 'broadcast',
    channel: 'scores',
    event: 'UPDATE',
    payload: { ...record },
    record: { ...record },
    seq,
    receivedAt: T0 + seq * 1000,
  } as FeedEvent;
}

export function emergencyEvent(seq: number, emergency: boolean, reason: string | null): FeedEvent {
  const record = { emergency, reason, triggeredAt: new Date(T0 + seq * 1000).toISOString() };
  return {
    type: 'broadcast',
    channel: 'emergency',
    event: 'UPDATE',
    payload: { ...record },
    record,
    seq,
    receivedAt: T0 + seq * 1000,
  } as FeedEvent;
}

export function batch(events: FeedEvent[], extra: Partial<PushBatch> = {}): PushBatch {
  return { events, notifications: [], errors: [], gaps: [], ...extra };
}

export function liveStatus(extra: Partial<FeedStatus> = {}): FeedStatus {
  return { state: 'live', since: T0, attempt: 0, emergency: false, ...extra };
}

export function snapshot(overrides: Partial<AppSnapshot> = {}, events: FeedEvent[] = []) {
  const value: AppSnapshot = {
    status: liveStatus(),
    feed: {
      orders: [],
      bets: [],
      accounts: [],
      scores: [],
      emergency: { active: false, reason: null, since: null },
      counters: {
        dayStart: T0 - 12 * 3_600_000,
        events: events.length,
        fills: 0,
        matchedStake: 0,
        hedgesPlaced: 0,
        hedgesPending: 0,
        hedgesDeclined: 0,
      },
      recentEvents: events,
      missingHedges: { fillsMissingHedge: 0, orders: [] },
    },
    lastEventSeq: events.at(-1)?.seq ?? 0,
    settings: DEFAULT_SETTINGS,
    keyStatus: { set: true, masked: '••••-a427', storage: 'keychain' },
    demo: false,
    quietUntil: null,
    gaps: [],
    notifications: [],
    errors: [],
    trading: EMPTY_TRADING_VIEW,
    takenAt: T0,
    ...overrides,
  };
  return value;
}
