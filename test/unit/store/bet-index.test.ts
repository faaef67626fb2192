import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BetIndex } from '../../../main/store/bet-index';

describe('BetIndex', () => {
  it('lists an order’s bets in the order they were linked, one or many', () => {
    const index = new BetIndex();
    index.link('o1', 'b1');
    expect([...index.betIds('o1')]).toEqual(['b1']);
    index.link('o1', 'b1');
    expect([...index.betIds('o1')]).toEqual(['b1']);
    index.link('o1', 'b2');
    index.link('o1', 'b3');
    expect([...index.betIds('o1')]).toEqual(['b1', 'b2', 'b3']);
    index.unlink('o1', 'b1');
    index.unlink('o1', 'b3');
    expect([...index.betIds('o1')]).toEqual(['b2']);
    index.unlink('o1', 'b9');
    index.unlink('o1', 'b2');
    expect([...index.betIds('o1')]).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('behaves like a map of sets', () => {
    const id = (prefix: string) => fc.integer({ min: 1, max: 4 }).map((n) => `${prefix}${n}`);
    const command = fc.record({ link: fc.boolean(), order: id('o'), bet: id('b') });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 50 }), (commands) => {
        const index = new BetIndex();
        const model = new Map<string, Set<string>>();
        for (const { link, order, bet } of commands) {
          if (link) {
            index.link(order, bet);
            model.set(order, (model.get(order) ?? new Set()).add(bet));
          } else {
            index.unlink(order, bet);
            model.get(order)?.delete(bet);
            if (model.get(order)?.size === 0) model.delete(order);
          }
          expect(index.size).toBe(model.size);
          for (const o of ['o1', 'o2', 'o3', 'o4'])
            expect([...index.betIds(o)]).toEqual([...(model.get(o) ?? [])]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
