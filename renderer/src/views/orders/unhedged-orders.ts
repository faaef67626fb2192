import type { MissingHedgeReport } from '../../../../common/domain/feed-state';

const joined = new WeakMap<MissingHedgeReport, string>();

/**
 * The ids of the orders a report lists, joined into one string: every push brings a new
 * report object, and a string compares by content, so an unchanged list keeps the views
 * built on it (and every row drawn with them) as they are. Cached per report.
 */
export function unhedgedIdsKey(report: MissingHedgeReport): string {
  let key = joined.get(report);
  if (key === undefined) {
    key = report.orders.map((order) => order.orderId).join('\n');
    joined.set(report, key);
  }
  return key;
}

/** The ids unhedgedIdsKey() joined. */
export function unhedgedIdSet(key: string): ReadonlySet<string> {
  return new Set(key === '' ? [] : key.split('\n'));
}
