import { z } from 'zod';

/** A JSON number, or a numeric string (some serialisers send decimals as strings). */
export const restNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i)
    .transform(Number),
]);

/** A calendar day as the REST API writes it: YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The UTC calendar day of an instant, YYYY-MM-DD: the day the REST date filters mean. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
