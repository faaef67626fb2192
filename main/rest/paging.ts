import type { ListEnvelope } from './list-envelope';

export interface CollectedList {
  items: unknown[];
  /** The server's total (paged answers), else the number of items. */
  total: number;
}

/**
 * Follows a paged list to its last page (or `maxPages`), starting from page 1. A list
 * answered in one piece, without paging, is returned as it is.
 */
export async function collectPages(
  fetchPage: (page: number) => Promise<ListEnvelope>,
  maxPages: number,
): Promise<CollectedList> {
  const first = await fetchPage(1);
  const items = [...first.items];
  let total = first.paging?.total ?? first.items.length;
  const lastPage = Math.min(first.paging?.totalPages ?? 1, maxPages);
  for (let page = 2; page <= lastPage; page++) {
    const next = await fetchPage(page);
    if (next.items.length === 0) break;
    items.push(...next.items);
    total = next.paging?.total ?? total;
  }
  return { items, total };
}
