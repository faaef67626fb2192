import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hedgeStatusOf,
  isFinishedBet,
  isFinishedOrder,
  mergeRecord,
} from '../../../main/store/records';

const FIELDS = ['orderId', 'exchange', 'matchedStake', 'extra', 'toString', 'constructor', '0'];

/** A record with some of FIELDS, in any order, built as JSON.parse would build it. */
const record = fc
  .uniqueArray(fc.constantFrom(...FIELDS), { maxLength: FIELDS.length })
  .chain((fields) => fc.tuple(...fields.map((f) => fc.tuple(fc.constant(f), fc.integer()))))
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

describe('mergeRecord', () => {
  it('is { ...stored, ...update }, whatever fields either has', () => {
    fc.assert(
      fc.property(record, record, (stored, update) => {
        const merged = mergeRecord(stored, update);
        expect(merged).toStrictEqual({ ...stored, ...update });
        expect(Object.keys(merged).sort()).toEqual(Object.keys({ ...stored, ...update }).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the update itself when it has every stored field, and copies nothing else', () => {
    const stored = { orderId: '1', exchange: 'kalshi', matchedStake: 0 };
    const full = { orderId: '1', exchange: 'kalshi', matchedStake: 5, side: 'buy' };
    expect(mergeRecord(stored, full)).toBe(full);
    const reordered = { matchedStake: 5, orderId: '1', exchange: 'kalshi' };
    expect(mergeRecord(stored, reordered)).toBe(reordered);
    const partial = { orderId: '1', matchedStake: 5 };
    const merged = mergeRecord(stored, partial);
    expect(merged).toEqual({ orderId: '1', exchange: 'kalshi', matchedStake: 5 });
    expect(stored).toEqual({ orderId: '1', exchange: 'kalshi', matchedStake: 0 });
    expect(partial).toEqual({ orderId: '1', matchedStake: 5 });
  });

  it('does not take an inherited name for a field the update has', () => {
    const stored = { orderId: '1', toString: 'a field' };
    const update = { orderId: '1' };
    expect(mergeRecord(stored, update)).toEqual({ orderId: '1', toString: 'a field' });
  });
});

describe('statuses', () => {
  it('reads order and bet statuses in any case', () => {
    for (const status of ['FILLED', 'filled', 'Cancelled', 'CANCELED', 'expired', 'FAILED'])
      expect(isFinishedOrder({ orderId: '1', orderStatus: status })).toBe(true);
    for (const status of ['PLACED', 'placed', 'PENDING_PLACEMENT', 'Partially', '', null])
      expect(isFinishedOrder({ orderId: '1', orderStatus: status })).toBe(false);
    expect(hedgeStatusOf({ betId: 'b', betStatus: 'PLACED' })).toBe('placed');
    expect(hedgeStatusOf({ betId: 'b', betStatus: 'Pending' })).toBe('pending');
    expect(hedgeStatusOf({ betId: 'b', betStatus: 'DECLINED' })).toBe('declined');
    expect(hedgeStatusOf({ betId: 'b', betStatus: 'Rejected' })).toBe('declined');
    expect(hedgeStatusOf({ betId: 'b', betStatus: 'won' })).toBe('other');
    expect(isFinishedBet({ betId: 'b', betStatus: 'placed', settlementStatus: 'UNDECIDED' })).toBe(
      false,
    );
    expect(isFinishedBet({ betId: 'b', betStatus: 'placed', settlementStatus: 'won' })).toBe(true);
  });
});
