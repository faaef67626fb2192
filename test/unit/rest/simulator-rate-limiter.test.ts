import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../main/simulator/rest/rate-limiter';

describe('the simulator REST rate limiter', () => {
  it('allows N requests per sliding window and key, and says when a slot frees', () => {
    let now = 0;
    const limiter = new RateLimiter({ requests: 2, windowMs: 60_000 }, () => now);
    expect(limiter.take('a')).toBeNull();
    now = 10_000;
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('b')).toBeNull();
    now = 15_000;
    expect(limiter.take('a')).toBe(45_000);
    now = 60_001;
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('a')).toBe(9_999);
    limiter.reset();
    expect(limiter.take('a')).toBeNull();
  });
});
