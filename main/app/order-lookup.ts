import { utcDay } from '../../common/rest/numbers';
import type { RestClient } from '../rest';
import { orderChangedAt } from '../store/gap-news';
import { type OrderRecord, parseTimestamp } from '../store/records';

/** Largest page the API serves. */
export const LOOKUP_PAGE_SIZE = 2000;
/**
 * Most pages one lookup reads (20,000 orders, newest first): a reconciliation after a long
 * sleep on a busy account must not turn into hundreds of requests.
 */
export const LOOKUP_MAX_PAGES = 10;

export interface OrderLookupRequest {
  /** The server's UTC day now (YYYY-MM-DD): the last day read. */
  today: string;
  /** Orders to find: the store holds them as open, the server no longer lists them as open. */
  wanted: readonly OrderRecord[];
  /** Start of the gap to read (epoch ms), or null when none. */
  missedSince: number | null;
  maxPages?: number;
}

export interface OrderLookup {
  /** Every order read, newest first as the server lists them. */
  orders: OrderRecord[];
  /** False when a page could not be read: the pages after it are unknown. */
  complete: boolean;
}

/**
 * The first UTC day to read: the day of the earliest of `times` (an order created before
 * UTC midnight may have filled overnight), never after today. Undefined (no lower bound:
 * the page limit bounds the read) when one of them is unknown.
 */
export function firstDayToRead(
  today: string,
  times: Iterable<number | undefined>,
): string | undefined {
  let earliest = Number.POSITIVE_INFINITY;
  for (const at of times) {
    if (at === undefined) return undefined;
    earliest = Math.min(earliest, at);
  }
  if (!Number.isFinite(earliest)) return today;
  const day = utcDay(earliest);
  return day < today ? day : today;
}

/** An upper bound of when an order was created: createdAt, else its last change. */
function createdNoLaterThan(order: OrderRecord): number | undefined {
  return parseTimestamp(order.createdAt) ?? orderChangedAt(order);
}

/**
 * Reads the server's orders, newest first, from firstDayToRead() to today, page after page
 * until every wanted order is found and the gap is covered (a page reaches an order created
 * before `missedSince`), or the pages run out, or `maxPages` were read. Null when the first
 * page cannot be read.
 */
export async function lookUpOrders(
  client: Pick<RestClient, 'orders'>,
  request: OrderLookupRequest,
): Promise<OrderLookup | null> {
  const { today, wanted, missedSince } = request;
  const maxPages = request.maxPages ?? LOOKUP_MAX_PAGES;
  // From the gap's start or the oldest wanted order's creation, whichever is earlier.
  const from = firstDayToRead(today, [
    ...(missedSince !== null ? [missedSince] : []),
    ...wanted.map((o) => parseTimestamp(o.createdAt)),
  ]);
  const missing = new Set(wanted.map((o) => String(o.orderId)));
  const orders: OrderRecord[] = [];
  for (let page = 1; page <= maxPages; page++) {
    let answer: Awaited<ReturnType<RestClient['orders']>>;
    try {
      answer = await client.orders({
        ...(from !== undefined ? { from } : {}),
        to: today,
        page,
        pageSize: LOOKUP_PAGE_SIZE,
      });
    } catch {
      return page === 1 ? null : { orders, complete: false };
    }
    let oldest = Number.POSITIVE_INFINITY;
    for (const { record } of answer.items) {
      orders.push(record);
      missing.delete(String(record.orderId));
      const created = createdNoLaterThan(record);
      if (created !== undefined && created < oldest) oldest = created;
    }
    if (answer.items.length === 0 || page >= answer.totalPages) break;
    const gapCovered = missedSince === null || oldest < missedSince;
    if (missing.size === 0 && gapCovered) break;
  }
  return { orders, complete: true };
}
