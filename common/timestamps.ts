/**
 * Epoch ms of an ISO timestamp, or undefined when absent or unparseable. The server's times
 * are UTC, and one written with no zone ("2026-02-15T10:30:00", as a REST answer may give
 * it) is read as UTC too: Date.parse would take it for local time, hours off outside UTC.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(isZoneless(value) ? `${value}Z` : value);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * -1, 0 or 1 as timestamp `b` is before, at or after `a` (parseTimestamp); 0 when either
 * is absent or unparseable.
 */
export function compareTimestamps(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Read per order frame: ISO times of one shape and zone compare as text, with no parse.
  if (typeof a === 'string' && typeof b === 'string' && comparableAsText(a, b)) {
    return b < a ? -1 : 1;
  }
  const aAt = parseTimestamp(a);
  const bAt = parseTimestamp(b);
  if (aAt === undefined || bAt === undefined) return 0;
  return Math.sign(bAt - aAt);
}

/** Same length, `YYYY-MM-DDT…`, and both UTC (`Z`) or both without a zone. */
function comparableAsText(a: string, b: string): boolean {
  if (a.length !== b.length || !isIsoDateTime(a) || !isIsoDateTime(b)) return false;
  const last = a.length - 1;
  return (a[last] === 'Z' && b[last] === 'Z') || (isZoneless(a) && isZoneless(b));
}

/** `YYYY-MM-DDTHH:MM…`, roughly: enough to tell the shape, not to validate it. */
function isIsoDateTime(text: string): boolean {
  return text.length >= 16 && text[4] === '-' && text[7] === '-' && text[10] === 'T';
}

/** An ISO date and time (`T` or a space between) with neither `Z` nor an offset. */
function isZoneless(text: string): boolean {
  if (text.length < 16 || text[4] !== '-' || text[7] !== '-') return false;
  const separator = text[10];
  if (separator !== 'T' && separator !== 't' && separator !== ' ') return false;
  const last = text[text.length - 1];
  return last !== 'Z' && last !== 'z' && text.indexOf('+', 11) < 0 && text.indexOf('-', 11) < 0;
}
