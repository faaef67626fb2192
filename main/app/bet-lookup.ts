import { utcDay } from '../../common/rest/numbers';
import { SERVER_CLOCK_SKEW_MS } from '../clock/server-clock-skew';
import type { RestClient } from '../rest';
import { type BetRecord, parseTimestamp } from '../store/records';
import { firstDayToRead, LOOKUP_MAX_PAGES, LOOKUP_PAGE_SIZE } from './order-lookup';

/**
 * Reads the server's hedge bets from the UTC day the oldest wanted bet was placed (no lower
 * bound when one's time is unknown) to today, page after page until every wanted bet is
 * found, the pages run out or `maxPages` were read: a bet placed before UTC midnight is
 * not in the snapshot's (today's) bets, and would otherwise stay pending for good. Returns
 * the wanted bets found; null when a page cannot be read.
 */
export async function lookUpBets(
  client: Pick<RestClient, 'bets'>,
  today: string,
  wanted: readonly BetRecord[],
  maxPages = LOOKUP_MAX_PAGES,
): Promise<BetRecord[] | null> {
  const from = firstDayToRead(
    today,
    wanted.map((bet) => parseTimestamp(bet.placedAt)),
  );
  const missing = new Set(wanted.map((b) => String(b.betId)));
  const found: BetRecord[] = [];
  for (let page = 1; page <= maxPages && missing.size > 0; page++) {
    let answer: Awaited<ReturnType<RestClient['bets']>>;
    try {
      answer = await client.bets({
        ...(from !== undefined ? { from } : {}),
        to: today,
        page,
        pageSize: LOOKUP_PAGE_SIZE,
      });
    } catch {
      return null;
    }
    for (const { record } of answer.items) {
      if (missing.delete(String(record.betId))) found.push(record);
    }
    if (answer.items.length === 0 || page >= answer.totalPages) break;
  }
  return found;
}

const DAY_MS = 86_400_000;

/** The hedge bets placed during a gap before today (lookUpGapBets). */
export interface GapBets {
  /** The bets read that were placed since the gap began (or at an unknown time). */
  bets: BetRecord[];
  /**
   * False when a page could not be read, or the page limit stopped the read first: bets
   * placed in the gap may be missing.
   */
  complete: boolean;
  /** The page limit stopped the read (reading again would stop there again). */
  capped: boolean;
}

/**
 * The hedge bets placed during a gap that began before today (UTC): the snapshot lists only
 * today's bets, so without these a fill made before midnight would wait for a hedge the
 * feed will never broadcast, and be reported missing for good. Reads the days from the
 * gap's start to yesterday, page after page up to `maxPages`, and keeps the bets placed
 * since the gap began (or at an unknown time). None, complete, when the gap began today.
 */
export async function lookUpGapBets(
  client: Pick<RestClient, 'bets'>,
  today: string,
  missedSince: number,
  maxPages = LOOKUP_MAX_PAGES,
): Promise<GapBets> {
  const from = utcDay(missedSince);
  if (!(from < today)) return { bets: [], complete: true, capped: false };
  const yesterday = utcDay(Date.parse(`${today}T00:00:00Z`) - DAY_MS);
  const bets: BetRecord[] = [];
  for (let page = 1; page <= maxPages; page++) {
    let answer: Awaited<ReturnType<RestClient['bets']>>;
    try {
      answer = await client.bets({ from, to: yesterday, page, pageSize: LOOKUP_PAGE_SIZE });
    } catch {
      return { bets, complete: false, capped: false };
    }
    for (const { record } of answer.items) {
      const placedAt = parseTimestamp(record.placedAt);
      if (placedAt === undefined || placedAt >= missedSince - SERVER_CLOCK_SKEW_MS)
        bets.push(record);
    }
    if (answer.items.length === 0 || page >= answer.totalPages) {
      return { bets, complete: true, capped: false };
    }
  }
  return { bets, complete: false, capped: true };
}
