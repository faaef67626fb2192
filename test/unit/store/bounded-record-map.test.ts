import fc from 'fast-check';
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

  it('writes a key read before it was evicted, deleted or cleared as a new entry', () => {
    const evicted: string[] = [];
    const map = make(2, evicted);
    map.set('a', { done: false, n: 1 });
    expect(map.get('a')?.n).toBe(1);
    map.set('b', { done: false, n: 2 });
    map.set('c', { done: false, n: 3 });
    expect(evicted).toEqual(['a']);
    map.set('a', { done: false, n: 4 });
    expect(evicted).toEqual(['a', 'b']);
    expect(map.values().map((v) => v.n)).toEqual([3, 4]);

    map.get('c');
    map.delete('c');
    map.set('c', { done: false, n: 5 });
    map.get('a');
    map.clear();
    map.set('a', { done: false, n: 6 });
    expect(map.size).toBe(1);
    expect(map.values().map((v) => v.n)).toEqual([6]);
  });

  it('behaves like a plain model under any mix of reads, writes and removals', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const command = fc.oneof(
      fc.record({ op: fc.constant('get' as const), key }),
      fc.record({ op: fc.constant('set' as const), key, done: fc.boolean() }),
      fc.record({ op: fc.constant('delete' as const), key }),
      fc.record({ op: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(command, { maxLength: 60 }),
        (capacity, commands) => {
          const map = make(capacity);
          /** Model: entries in write order; evicts the first finished one, else the first. */
          let model: { key: string; item: Item }[] = [];
          let n = 0;
          for (const cmd of commands) {
            if (cmd.op === 'get') {
              expect(map.get(cmd.key)).toBe(model.find((e) => e.key === cmd.key)?.item);
            } else if (cmd.op === 'set') {
              const item = { done: cmd.done, n: n++ };
              map.set(cmd.key, item);
              model = [...model.filter((e) => e.key !== cmd.key), { key: cmd.key, item }];
              while (model.length > capacity) {
                const victim = model.find((e) => e.item.done) ?? model[0]!;
                model = model.filter((e) => e !== victim);
              }
            } else if (cmd.op === 'delete') {
              expect(map.delete(cmd.key)).toBe(model.some((e) => e.key === cmd.key));
              model = model.filter((e) => e.key !== cmd.key);
            } else {
              map.clear();
              model = [];
            }
            expect(map.size).toBe(model.length);
            expect(map.values()).toEqual(model.map((e) => e.item));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
