import type { NotificationKind } from '../../../common/domain/notifications';
import type { DurationUnits, NumberFormats, TextLocale } from '../format';

/** A piece of a fill or bet: "100.00 @ 45¢" with where it happened, when known. */
export interface Priced {
  stake: string;
  /** Cents or odds, formatted; null when unknown. */
  price: string | null;
  /** The exchange or bookmaker; null when unknown. */
  venue: string | null;
}

/**
 * The words of notification texts in one language. Numbers, times and durations arrive
 * formatted (by `numbers`, `durationUnits` and a clock in `locale`); ids and venue names
 * arrive as they are.
 */
export interface AlertTexts {
  locale: TextLocale;
  numbers: NumberFormats;
  durationUnits: DurationUnits;
  /** A clock time that is not known. */
  unknownTime: string;
  /** Joins names for a summary, naming at most three: "polymarket, kalshi and 3 more". */
  listNames(names: readonly string[], total: number): string;

  fixture(fixtureId: string): string;
  reason(reason: string): string;
  /** Appended to a clock time: " (2 min ago)". */
  ago(duration: string): string;

  fillTitle(partial: boolean, fill: Priced): string;
  order(orderId: string, side: string | null): string;
  matchedOf(matched: string, ordered: string): string;
  matchedInTotal(matched: string): string;
  /** The fill a hedge bet is for. */
  hedgedFill(fill: Priced): string;

  stakeUnknown: string;
  hedgeTitle(pending: boolean, bet: Priced): string;
  forOrder(orderId: string): string;
  hedgeBet: string;
  hedgeDeclinedTitle(bookmaker: string | null): string;
  declinedBet(bet: string, orderId: string | null): string;
  orderStillHedged: string;
  fillNotHedged: string;

  missingTitle(orderId: string): string;
  missingFill(stake: string, exchange: string | null, at: string, grace: string): string;
  unhedgedOnOrder(stake: string, fills: number, count: string): string;

  emergencyTitle: string;
  reasonNotGiven: string;
  emergencySince(clock: string, ago: string): string;
  emergencyClearedTitle: string;
  /** `lasted` is a duration, or null when the start is not known. */
  emergencyEnded(clock: string, lasted: string | null): string;
  activeSince(clock: string): string;

  connectionLostTitle: string;
  noLiveUpdatesSince(clock: string, ago: string): string;
  gapNotReplayed: string;
  notConnectedTitle: string;
  tryingSince(clock: string, ago: string): string;
  connectionRestoredTitle: string;
  liveAgain(downFor: string, downSince: string): string;
  missedMeanwhile: string;
  authFailedTitle: string;
  keyRefused: string;
  checkKey: string;

  summaryTitle(kind: NotificationKind, n: number, count: string): string;
  summaryOrders(n: number, list: string): string;
  summaryFills(stake: string, venues: string | null): string;
  summaryHedges(stake: string, venues: string | null): string;
  summaryDeclined(stake: string, venues: string | null): string;
  fillsMayBeUnhedged: string;
  summaryMissing(stake: string, venues: string | null): string;
  seeApp: string;
}
