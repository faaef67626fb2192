export interface RateLimit {
  /** Requests allowed per window and key. */
  requests: number;
  windowMs: number;
}

/** The documented limit: 2,000 requests a minute per client. */
export const DOCUMENTED_RATE_LIMIT: RateLimit = { requests: 2_000, windowMs: 60_000 };

/** A sliding-window request limit per key. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  setLimit(limit: RateLimit): void {
    this.limit = { ...limit };
    this.recent.clear();
  }

  get current(): RateLimit {
    return { ...this.limit };
  }

  reset(): void {
    this.recent.clear();
  }

  /** Counts the request; returns null if allowed, else the ms until a slot frees. */
  take(key: string): number | null {
    const now = this.now();
    const since = now - this.limit.windowMs;
    const times = (this.recent.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit.requests) {
      this.recent.set(key, times);
      return Math.max(1, times[0]! + this.limit.windowMs - now);
    }
    times.push(now);
    this.recent.set(key, times);
    return null;
  }
}
