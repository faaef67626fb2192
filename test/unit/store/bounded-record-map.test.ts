import { describe, expect, it } from 'vitest';
import { BoundedRecordMap } from '../../../main/store/bounded-record-map';

interface Item {
  done: boolean;
  n: number;
}

const make = (capacity: number, evicted: string[] = []) =>
  new BoundedRecordMap<string, Item>(
    capacity,
    (v) => v.done,
    (k) => evicted.push(k),
  );

describe('BoundedRecordMap', () => {
  it('evicts the least recently written entry when over capacity', () => {
    const evicted: string[] = [];
    const map = make(2, evicted);
    map.set('a', { done: false, n: 1 });
    map.set('b', { done: false, n: 2 });
    map.set('a', { done: false, n: 3 });
    map.set('c', { done: false, n: 4 });
    expect(evicted).toEqual(['b']);
    expect(map.size).toBe(2);
    expect(map.get('a')?.n).toBe(3);
  });

  it('evicts finished entries before ones still in play, even newer ones', () => {
    const evicted: string[] = [];
    const map = make(3, evicted);
    map.set('open-old', { done: false, n: 1 });
    map.set('done-new', { done: true, n: 2 });
    map.set('open-mid', { done: false, n: 3 });
    map.set('open-new', { done: false, n: 4 });
    expect(evicted).toEqual(['done-new']);
    expect(map.has('open-old')).toBe(true);
  });

  it('moves an entry between finished and in play when it changes', () => {
    const map = make(2);
    map.set('a', { done: true, n: 1 });
    map.set('a', { done: false, n: 2 });
    map.set('b', { done: true, n: 3 });
    map.set('c', { done: false, n: 4 });
    expect(map.has('a')).toBe(true);
    expect(map.has('b')).toBe(false);
  });

  it('lists values least recently written first across both groups', () => {
    const map = make(10);
    map.set('a', { done: false, n: 1 });
    map.set('b', { done: true, n: 2 });
    map.set('c', { done: false, n: 3 });
    map.set('a', { done: true, n: 4 });
    expect(map.values().map((v) => v.n)).toEqual([2, 3, 4]);
  });

  it('does not report deleted or cleared entries as evicted', () => {
    const evicted: string[] = [];
    const map = make(2, evicted);
    map.set('a', { done: false, n: 1 });
    expect(map.delete('a')).toBe(true);
    map.set('b', { done: false, n: 2 });
    map.clear();
    expect(map.size).toBe(0);
    expect(evicted).toEqual([]);
  });
});
