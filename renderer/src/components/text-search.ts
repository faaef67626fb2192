import { parseTimestamp } from '../../../common/timestamps';

const cache = new WeakMap<object, string>();

/** Whether every word of `query` occurs in the record's given fields (case-insensitive). */
export function matchesQuery(record: object, fields: readonly string[], query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  let text = cache.get(record);
  if (text === undefined) {
    const values = record as Record<string, unknown>;
    text = fields
      .map((field) => values[field])
      .filter((value) => typeof value === 'string' || typeof value === 'number')
      .join(' ')
      .toLowerCase();
    cache.set(record, text);
  }
  const haystack = text;
  return words.every((word) => haystack.includes(word));
}

/** Epoch ms of an ISO time (one with no zone is UTC, as main reads it), or null. */
export function parseTime(value: unknown): number | null {
  return parseTimestamp(value) ?? null;
}

export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
