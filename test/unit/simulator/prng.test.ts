import { describe, expect, it } from 'vitest';
import { Prng } from '../../../main/simulator';

describe('Prng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const first = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(first);
  });

  it('gives a different sequence for another seed', () => {
    const one = new Prng(1);
    const two = new Prng(2);
    const a = Array.from({ length: 5 }, () => one.next());
    const b = Array.from({ length: 5 }, () => two.next());
    expect(a).not.toEqual(b);
  });

  it('stays within its ranges', () => {
    const prng = new Prng(7);
    for (let i = 0; i < 10_000; i++) {
      const f = prng.next();
      expect(f >= 0 && f < 1).toBe(true);
      const n = prng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    expect(prng.hex(64)).toMatch(/^[0-9a-f]{64}$/);
    expect(prng.digits(9)).toMatch(/^\d{9}$/);
  });

  it('spreads values roughly evenly', () => {
    const prng = new Prng(3);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[prng.int(0, 3)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('treats chance(0) as never and chance(1) as always', () => {
    const prng = new Prng(9);
    for (let i = 0; i < 1000; i++) {
      expect(prng.chance(0)).toBe(false);
      expect(prng.chance(1)).toBe(true);
    }
  });
});
