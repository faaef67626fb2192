import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../main/store/ring-buffer';

describe('RingBuffer', () => {
  it('keeps items oldest first until full', () => {
    const ring = new RingBuffer<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.last()).toBe(2);
  });

  it('overwrites the oldest item once full', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i += 1) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(7);
  });

  it('stays at capacity over many pushes', () => {
    const ring = new RingBuffer<number>(2_000);
    for (let i = 0; i < 100_000; i += 1) ring.push(i);
    const items = ring.toArray();
    expect(items).toHaveLength(2_000);
    expect(items[0]).toBe(98_000);
    expect(items[1_999]).toBe(99_999);
  });

  it('says which slot each item went into, and visits items oldest first with their slots', () => {
    const ring = new RingBuffer<string>(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((item) => ring.push(item))).toEqual([0, 1, 2, 0, 1]);
    const visited: [string, number, number][] = [];
    ring.forEach((item, slot, position) => {
      visited.push([item, slot, position]);
    });
    expect(visited).toEqual([
      ['c', 2, 0],
      ['d', 0, 1],
      ['e', 1, 2],
    ]);
  });

  it('empties on clear', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
