import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../renderer/src/i18n/formatters';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import type { FeedEntry } from '../../../renderer/src/store/dashboard-state';
import {
  changedValueText,
  changesOf,
  formatValue,
  subjectOf,
  summaryOf,
} from '../../../renderer/src/views/feed/event-text';
import { filterEntries, NO_FILTER } from '../../../renderer/src/views/feed/feed-filter';
import { accountEvent, betEvent, emergencyEvent, orderEvent, scoreEvent } from './builders';

const fmt = createFormatters('en-US');
const { t } = createTranslator('en', fmt.count);

describe('what an event says', () => {
  it('an UPDATE: each field in old, from old to new, times last', () => {
    const event = orderEvent(
      1,
      { orderId: '7', matchedStake: 20, updatedAt: '2026-05-01T12:00:00Z', orderStatus: 'FILLED' },
      { updatedAt: '2026-05-01T11:59:00Z', matchedStake: 0, orderStatus: 'PLACED' },
    );
    expect(changesOf(event)).toEqual([
      { field: 'matchedStake', from: 0, to: 20 },
      { field: 'orderStatus', from: 'PLACED', to: 'FILLED' },
      { field: 'updatedAt', from: '2026-05-01T11:59:00Z', to: '2026-05-01T12:00:00Z' },
    ]);
    expect(changesOf(orderEvent(2, { orderId: '8' }))).toEqual([]);
  });

  it('names the item', () => {
    expect(subjectOf(orderEvent(1, { orderId: '7' }), t)).toBe('Order 7');
    expect(subjectOf(betEvent(1, { betId: 'b9' }), t)).toBe('Hedge b9');
    expect(subjectOf(accountEvent(1, { exchange: 'kalshi', username: 'u1' }, {}), t)).toBe(
      'kalshi/u1',
    );
    expect(subjectOf(scoreEvent(1, { fixtureId: 'f1' }), t)).toBe('Fixture f1');
    expect(subjectOf(emergencyEvent(1, true, 'x'), t)).toBe('Emergency');
  });

  it('sums up an INSERT', () => {
    const order = orderEvent(1, {
      orderId: '7',
      orderStatus: 'PENDING_PLACEMENT',
      exchange: 'polymarket',
      orderStake: 25,
      orderCents: 0.45,
      bookmakerOutcomePrice: 2.1,
      fixtureId: 'f1',
    });
    expect(summaryOf(order, t, fmt)).toBe(
      'PENDING PLACEMENT · polymarket · 25.00 @ 45¢ · (2.10) · Fixture f1',
    );
    expect(summaryOf(emergencyEvent(1, true, 'risk limit'), t, fmt)).toBe('Emergency: risk limit');
  });

  it('writes values short: money fields as money, times as times, null as a dash', () => {
    expect(formatValue(7359.6, fmt, false, 'balance')).toBe('7,359.60');
    expect(formatValue(2.1, fmt, false, 'placedPrice')).toBe('2.10');
    expect(formatValue(0.455, fmt, false, 'orderCents')).toBe('45.5¢');
    expect(formatValue(null, fmt)).toBe('—');
    expect(formatValue({ status: 'P' }, fmt)).toBe('{"status":"P"}');
    expect(formatValue('x'.repeat(60), fmt)).toHaveLength(40);
    expect(formatValue('x'.repeat(60), fmt, true)).toHaveLength(60);
  });
});

describe('what an event says in Chinese', () => {
  const zh = createTranslator('zh-CN', fmt.count);

  it('words order and hedge statuses as the Orders and Hedges views do', () => {
    const filled = orderEvent(1, { orderId: '7', orderStatus: 'FILLED', exchange: 'kalshi' });
    expect(summaryOf(filled, zh.t, fmt)).toBe('已成交 · kalshi');
    const placed = betEvent(2, { betId: 'b1', betStatus: 'placed', bookmaker: 'pinnacle' });
    expect(summaryOf(placed, zh.t, fmt)).toBe('已下注 · pinnacle');
    const rejected = betEvent(3, { betId: 'b2', betStatus: 'REJECTED' });
    expect(summaryOf(rejected, zh.t, fmt)).toBe('被拒');
  });

  it('words a changed status too, and leaves other values and unknown statuses as they are', () => {
    expect(changedValueText('PLACED', 'orderStatus', zh.t, fmt)).toBe('已下单');
    expect(changedValueText('FILLED', 'orderStatus', zh.t, fmt)).toBe('已成交');
    expect(changedValueText('pending', 'betStatus', zh.t, fmt)).toBe('待定');
    expect(changedValueText('void', 'betStatus', zh.t, fmt)).toBe('void');
    expect(changedValueText(null, 'orderStatus', zh.t, fmt)).toBe('—');
    expect(changedValueText(20, 'matchedStake', zh.t, fmt)).toBe('20.00');
  });
});

describe('feed filter', () => {
  const entries: FeedEntry[] = [
    orderEvent(1, { orderId: '100', exchange: 'kalshi', fixtureId: 'f1' }),
    betEvent(2, { betId: 'b1', orderId: '100', bookmaker: 'pinnacle' }),
    orderEvent(3, { orderId: '200', exchange: 'polymarket' }, { orderStatus: 'PLACED' }),
    scoreEvent(4, { fixtureId: 'f1' }),
  ].map((event, i) => ({ id: i + 1, event }));

  it('lets everything through, as the same list, when nothing is filtered', () => {
    expect(filterEntries(entries, NO_FILTER)).toBe(entries);
  });

  it('by channel, kind, and words in ids, fixture and exchange', () => {
    const seqs = (list: readonly FeedEntry[]) => list.map((e) => e.event.seq);
    expect(seqs(filterEntries(entries, { ...NO_FILTER, channel: 'bets' }))).toEqual([2]);
    expect(seqs(filterEntries(entries, { ...NO_FILTER, kind: 'UPDATE' }))).toEqual([3, 4]);
    expect(seqs(filterEntries(entries, { ...NO_FILTER, text: '100' }))).toEqual([1, 2]);
    expect(seqs(filterEntries(entries, { ...NO_FILTER, text: 'F1' }))).toEqual([1, 4]);
    expect(seqs(filterEntries(entries, { ...NO_FILTER, text: 'kalshi 100' }))).toEqual([1]);
  });
});
