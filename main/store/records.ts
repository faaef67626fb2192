import { hedgeStatusOf, isFinishedOrder } from '../../common/domain/record-status';
import type {
  AccountPayload,
  BetPayload,
  OrderPayload,
  ScorePayload,
} from '../../common/protocol/payloads';
import type { RawObject } from '../../common/protocol/server-frames';
import { compareTimestamps } from '../../common/timestamps';

/** What the store keeps per entity: every validated field seen so far, later values winning. */
export type OrderRecord = OrderPayload;
export type BetRecord = BetPayload;
export type AccountRecord = AccountPayload;
export type ScoreRecord = ScorePayload;

export {
  type HedgeStatus,
  hedgeStatusOf,
  isFinishedBet,
  isFinishedOrder,
  isFinishedScore,
} from '../../common/domain/record-status';
export { parseTimestamp } from '../../common/timestamps';

/** Tolerance for comparing stakes that went through floating point. */
export const STAKE_EPSILON = 1e-9;

/** Whether `value` is the status `expected` (written in upper case), in any case; no copy when exact. */
export function isStatus(value: unknown, expected: string): boolean {
  return value === expected || (typeof value === 'string' && value.toUpperCase() === expected);
}

export function isLiveHedge(bet: BetRecord): boolean {
  const status = hedgeStatusOf(bet);
  return status === 'placed' || status === 'pending';
}

export function isInactiveAccount(account: AccountRecord): boolean {
  return account.active === false;
}

export function accountKey(exchange: unknown, username: unknown): string {
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');
  return `${part(exchange)}/${part(username)}`;
}

/**
 * `{ ...stored, ...update }`: what the store keeps after an update. When the update has
 * every field the stored record has (servers mostly send whole records), that is the update
 * itself, so it is returned as it is, with no copy; records are never mutated.
 */
export function mergeRecord<T extends object>(stored: T, update: T): T {
  return hasEveryField(update, stored) ? update : { ...stored, ...update };
}

/** Whether `update` has every own field of `stored`. */
function hasEveryField(update: object, stored: object): boolean {
  // The usual case, both with the same fields in the same order, costs one pass and no
  // per-field lookup.
  const fields = Object.keys(update);
  let i = 0;
  for (const field in stored) {
    if (field !== fields[i++]) {
      for (const f in stored) if (!Object.hasOwn(update, f)) return false;
      return true;
    }
  }
  return true;
}

/** The stored order with the matched stake, status and time of `update`, and nothing else of it. */
export function withMatchOf(stored: OrderRecord, update: OrderRecord): OrderRecord {
  const order = { ...stored, matchedStake: update.matchedStake };
  if (update.matchedStatus !== undefined) order.matchedStatus = update.matchedStatus;
  if (update.matchedAt !== undefined) order.matchedAt = update.matchedAt;
  return order;
}

/** A number from a raw (unvalidated) field: numbers and numeric strings; else undefined. */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Whether a REST copy of an order must not replace the stored one. An order's life only
 * goes forward (open, then finished: filled, cancelled...), so a copy that would reopen
 * a finished order is stale and a finished copy of an open order is news, whatever the
 * timestamps say. Between two copies in the same phase, the older `updatedAt` is stale:
 * a REST answer may have been read before a broadcast the store applied meanwhile.
 */
export function isStaleOrderCopy(stored: OrderRecord, copy: OrderRecord): boolean {
  const storedFinished = isFinishedOrder(stored);
  if (storedFinished !== isFinishedOrder(copy)) return storedFinished;
  return compareTimestamps(stored.updatedAt, copy.updatedAt) < 0;
}

/**
 * Whether an order broadcast was overtaken by one the store applied already (the feed may
 * deliver an order's updates out of order). Judged as a REST copy is (isStaleOrderCopy), on
 * the fields the update carries: one without a status reopens nothing, and a newer
 * `updatedAt` follows the stored copy whatever its stake says. When the times do not tell
 * (one missing, or equal), an update that lowers the matched stake is stale, unless its
 * `old` says it follows the stored copy (a match taken back): an earlier frame's stake
 * would otherwise be counted again once the next frame raises it back.
 */
export function isStaleOrderUpdate(
  stored: OrderRecord,
  update: OrderRecord,
  old: RawObject | undefined,
): boolean {
  if (update.orderStatus != null) {
    const storedFinished = isFinishedOrder(stored);
    if (storedFinished !== isFinishedOrder(update)) return storedFinished;
  }
  const byTime = compareTimestamps(stored.updatedAt, update.updatedAt);
  return byTime === 0 ? lowersMatchedStake(stored, update, old) : byTime < 0;
}

function lowersMatchedStake(
  stored: OrderRecord,
  update: OrderRecord,
  old: RawObject | undefined,
): boolean {
  const matched = toFiniteNumber(update.matchedStake);
  const held = toFiniteNumber(stored.matchedStake);
  if (matched === undefined || held === undefined || matched >= held - STAKE_EPSILON) return false;
  const before = old && 'matchedStake' in old ? toFiniteNumber(old.matchedStake) : undefined;
  return before === undefined || Math.abs(before - held) > STAKE_EPSILON;
}

/**
 * How far a hedge bet's status has gone: pending, then placed, then declined (placed may
 * be skipped). A status the app does not know ranks past them all: it cannot be placed,
 * so a known status never replaces it. Undefined when the record holds no status.
 */
function betStatusRank(bet: BetRecord): number | undefined {
  const raw = bet.betStatus;
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (hedgeStatusOf(bet)) {
    case 'pending':
      return 0;
    case 'placed':
      return 1;
    case 'declined':
      return 2;
    default:
      return 3;
  }
}

/** 0 while undecided, 1 once settled (won, lost, void...); undefined when not given. */
function settlementRank(bet: BetRecord): number | undefined {
  const raw = bet.settlementStatus;
  if (typeof raw !== 'string' || raw === '') return undefined;
  return raw.toLowerCase() === 'undecided' ? 0 : 1;
}

/** -1, 0 or 1 as `copy` is behind, level with or ahead of `stored`; 0 when either is unknown. */
function compareRanks(stored: number | undefined, copy: number | undefined): number {
  if (stored === undefined || copy === undefined) return 0;
  return Math.sign(copy - stored);
}

/**
 * Whether a REST copy of a hedge bet must not replace the stored one. A bet's life only
 * goes forward (pending, placed, declined; undecided, then settled), so a copy that would
 * move either status back was read before a broadcast the store applied meanwhile, and is
 * stale whatever else it says. A copy that moves one forward is news. Level with the stored
 * bet, an older `updatedAt` (not documented for bets, used when both carry one) is stale.
 */
export function isStaleBetCopy(stored: BetRecord, copy: BetRecord): boolean {
  const status = compareRanks(betStatusRank(stored), betStatusRank(copy));
  const settlement = compareRanks(settlementRank(stored), settlementRank(copy));
  if (status < 0 || settlement < 0) return true;
  if (status > 0 || settlement > 0) return false;
  return compareTimestamps(stored.updatedAt, copy.updatedAt) < 0;
}
