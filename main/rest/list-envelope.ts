import { z } from 'zod';
import { restNumber } from '../../common/rest/numbers';

/** The documented page wrapper of list endpoints. */
export const pageSchema = z.looseObject({
  data: z.array(z.unknown()),
  total: restNumber,
  page: restNumber,
  pageSize: restNumber,
  totalPages: restNumber,
});

export interface ListEnvelope {
  items: unknown[];
  /** Present when the answer was paged. */
  paging?: { total: number; page: number; pageSize: number; totalPages: number };
}

const bareListSchema = z.array(z.unknown());

/**
 * Reads a list answer in any of the forms the documentation leaves open (open orders
 * and accounts are typed only as "an object"): the page wrapper, an object holding
 * the list under `data` or under its own name (`{"accounts": [...]}`), or a bare array.
 */
export function readListEnvelope(json: unknown, name: string): ListEnvelope | null {
  const paged = pageSchema.safeParse(json);
  if (paged.success) {
    const { data, total, page, pageSize, totalPages } = paged.data;
    return { items: data, paging: { total, page, pageSize, totalPages } };
  }
  const bare = bareListSchema.safeParse(json);
  if (bare.success) return { items: bare.data };
  if (typeof json === 'object' && json !== null) {
    for (const key of ['data', name, 'items', 'results']) {
      const list = bareListSchema.safeParse((json as Record<string, unknown>)[key]);
      if (list.success) return { items: list.data };
    }
  }
  return null;
}
