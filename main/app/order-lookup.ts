import { utcDay } from '../../common/rest/numbers';
import type { RestClient } from '../rest';
import { orderChangedAt } from '../store/gap-news';
import { type OrderRecord, parseTimestamp } from '../store/records';

/** Largest page the API serves. */
export const LOOKUP_PAGE_SIZE = 2000;
/**
 * Most pages one lookup reads (20,000 orders, the newest first): a reconciliation after a long
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
  /** Every order read, in the order read. */
  orders: OrderRecord[];
  /**
   * Whether the gap was read back to its start (without a gap: whether no page failed).
   * False when a page could not be read, or the page limit stopped the read before it.
   */
  complete: boolean;
  /** A page could not be read: a wanted order not found may be on a page not read. */
  pageFailed: boolean;
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

/** How a page of /orders is sorted (the API does not say), by the creation of its ends. */
export type ListingOrder = 'newest-first' | 'oldest-first' | 'unknown';

/**
 * The order of a page, from the createdAt of its first and last items: unknown when they
 * are equal, missing, or the page holds fewer than two.
 */
export function listingOrderOf(orders: readonly OrderRecord[]): ListingOrder {
  if (orders.length < 2) return 'unknown';
  const first = parseTimestamp(orders[0]?.createdAt);
  const last = parseTimestamp(orders[orders.length - 1]?.createdAt);
  if (first === undefined || last === undefined || first === last) return 'unknown';
  return first > last ? 'newest-first' : 'oldest-first';
}

/**
 * Reads the server's orders from firstDayToRead() to today, page after page, newest first
 * until every wanted order is found and the gap is covered (a page reaches an order created
 * before `missedSince`), or the pages run out, or `maxPages` were read (then the gap may
 * not be covered: not complete). The API does not say how it sorts the list, so the first
 * page tells: listed oldest first, the pages after it are read from the last one back, so
 * the newest come first all the same. When the order cannot be told, no page is taken to
 * cover the gap: every page is read, up to `maxPages`. Null when the first page cannot be
 * read.
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
  const readPage = (page: number) =>
    client.orders({
      ...(from !== undefined ? { from } : {}),
      to: today,
      page,
      pageSize: LOOKUP_PAGE_SIZE,
    });
  /** Takes a page in; returns when its oldest order was created, at the latest. */
  const take = (records: readonly OrderRecord[]): number => {
    let oldest = Number.POSITIVE_INFINITY;
    for (const record of records) {
      orders.push(record);
      missing.delete(String(record.orderId));
      const created = createdNoLaterThan(record);
      if (created !== undefined && created < oldest) oldest = created;
    }
    return oldest;
  };

  let first: Awaited<ReturnType<RestClient['orders']>>;
  try {
    first = await readPage(1);
  } catch {
    return null;
  }
  const firstRecords = first.items.map((item) => item.record);
  let oldest = take(firstRecords);
  let order = listingOrderOf(firstRecords);
  const backwards = order === 'oldest-first';
  const lastPage = first.totalPages;
  let totalPages = first.totalPages;
  let isEmpty = first.items.length === 0;
  let gapCovered = missedSince === null;
  for (let read = 1, page = 1; ; read++) {
    // Read newest first, a page reaching an order created before the gap covers it.
    const newestFirst = backwards ? page !== 1 : order === 'newest-first';
    if (missedSince !== null && newestFirst && oldest < missedSince) gapCovered = true;
    if (missing.size === 0 && gapCovered) break;
    page = backwards ? (page === 1 ? lastPage : page - 1) : page + 1;
    const allRead = backwards ? page <= 1 : isEmpty || page > totalPages;
    if (allRead) return { orders, complete: true, pageFailed: false };
    if (read >= maxPages) break;
    let answer: Awaited<ReturnType<RestClient['orders']>>;
    try {
      answer = await readPage(page);
    } catch {
      return { orders, complete: false, pageFailed: true };
    }
    const records = answer.items.map((item) => item.record);
    oldest = take(records);
    if (!backwards) {
      totalPages = answer.totalPages;
      isEmpty = records.length === 0;
      if (order === 'unknown') order = listingOrderOf(records);
    }
  }
  return { orders, complete: gapCovered, pageFailed: false };
}
