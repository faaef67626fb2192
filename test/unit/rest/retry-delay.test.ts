import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs, retryDelayMs } from '../../../main/rest';

describe('retry delays', () => {
  it('doubles from one second', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-02-15T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Sun, 15 Feb 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 15 Feb 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('takes the longer of the back-off and Retry-After, never beyond the cap', () => {
    expect(retryDelayMs(1, null, { maxMs: 60_000 })).toBe(1000);
    expect(retryDelayMs(3, 1000, { maxMs: 60_000 })).toBe(4000);
    expect(retryDelayMs(1, 7000, { maxMs: 60_000 })).toBe(7000);
    expect(retryDelayMs(10, null, { maxMs: 60_000 })).toBe(60_000);
  });
});
