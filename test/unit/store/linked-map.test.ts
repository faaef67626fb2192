import { describe, expect, it } from 'vitest';
import { LinkedMap } from '../../../main/store/linked-map';

describe('LinkedMap', () => {
  it('keeps keys in order of last write', () => {
    const map = new LinkedMap<string, number>();
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    map.set('a', 4);
    expect([...map.values()]).toEqual([2, 3, 4]);
    expect(map.firstValue()).toBe(2);
  });

  it('deletes anywhere and shifts from the front', () => {
    const map = new LinkedMap<string, number>();
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      map.set(k, v);
    expect(map.delete('b')).toBe(true);
    expect(map.delete('b')).toBe(false);
    expect(map.shift()).toEqual(['a', 1]);
    expect(map.shift()).toEqual(['c', 3]);
    expect(map.shift()).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('works as a bounded queue through many deletions from the front', () => {
    const map = new LinkedMap<number, number>();
    for (let i = 0; i < 200_000; i += 1) {
      map.set(i, i);
      if (map.size > 10_000) map.shift();
    }
    expect(map.size).toBe(10_000);
    expect(map.firstValue()).toBe(190_000);
  });
});
