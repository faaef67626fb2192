/** The documented back-off for 429: 1 s, 2 s, 4 s... */
export function backoffDelayMs(retry: number, baseMs = 1_000): number {
  return baseMs * 2 ** (retry - 1);
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110). Null when
 * the header is absent or unreadable; a date in the past is 0.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first): the back-off, or
 * longer when the server asked for longer, capped.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: number | null,
  options: { baseMs?: number; maxMs: number },
): number {
  const backoff = backoffDelayMs(retry, options.baseMs);
  return Math.min(options.maxMs, Math.max(backoff, retryAfter ?? 0));
}
