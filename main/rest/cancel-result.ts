import { z } from 'zod';
import type { RawObject } from '../../common/protocol/server-frames';

/**
 * What a cancel answered. The documentation types cancel-all and cancel-one only as
 * "an object", so the counts are read from the plausible fields and are null when the
 * server gave none; `raw` is the whole answer.
 */
export interface CancelResult {
  /** Orders cancelled. */
  cancelled: number | null;
  /** Orders that could not be cancelled (a 502 reports a partial failure instead). */
  failed: number | null;
  raw: RawObject;
}

const rawObjectSchema = z.record(z.string(), z.unknown());

function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return value.length;
  return null;
}

function firstCount(raw: RawObject, fields: string[]): number | null {
  for (const field of fields) {
    const n = count(raw[field]);
    if (n !== null) return n;
  }
  return null;
}

export const cancelResultSchema = rawObjectSchema.transform(
  (raw): CancelResult => ({
    cancelled: firstCount(raw, ['cancelled', 'cancelledCount', 'canceled', 'count', 'orderIds']),
    failed: firstCount(raw, ['failed', 'failedCount', 'errors']),
    raw,
  }),
);
