import { describe, expect, it } from 'vitest';
import { FeedStore } from '../../../main/store/feed-store';
import { type BetRecord, isStaleBetCopy } from '../../../main/store/records';
import { betEvent, orderEvent } from './feed-events';

const T0 = Date.UTC(2026, 1, 15, 10, 30);

const bet = (patch: Partial<BetRecord> = {}): BetRecord => ({
  betId: '9',
  orderId: '7',
  bookmaker: 'pinnacle',
  ...patch,
});

/** A store that saw order 7 fill and its hedge, bet 9, go pending, then `statuses`, over the socket. */
function storeWithHedge(...statuses: Partial<BetRecord>[]): FeedStore {
  const store = new FeedStore();
  store.apply(
    orderEvent(
      'UPDATE',
      { orderId: 7, orderStatus: 'FILLED', orderStake: 100, matchedStake: 100 },
      { orderStatus: 'PLACED', matchedStake: 0 },
    ),
    T0,
  );
  store.apply(betEvent('INSERT', { betId: 9, orderId: 7, betStatus: 'pending' }), T0);
  for (const patch of statuses) store.apply(betEvent('UPDATE', { betId: 9, ...patch }), T0);
  return store;
}

describe('merging REST copies of hedge bets into the store', () => {
  it('keeps a bet declined over the socket when an older copy still says pending', () => {
    const store = storeWithHedge({ betStatus: 'declined' });
    const effects = store.merge({ bets: [bet({ betStatus: 'pending' })] }, T0 + 1_000);
    expect(store.bet('9')).toMatchObject({ betStatus: 'declined' });
    // No 'hedge-covered': the stale copy must not cover the fill the decline left unhedged.
    expect(effects).toEqual([]);
    expect(store.pendingBets()).toEqual([]);
  });

  it('skips a copy that would move a bet back (placed → pending, declined → placed)', () => {
    const placed = storeWithHedge({ betStatus: 'placed' });
    placed.merge({ bets: [bet({ betStatus: 'pending', placedStake: 1 })] }, T0);
    expect(placed.bet('9')).toMatchObject({ betStatus: 'placed' });
    expect(placed.bet('9')).not.toHaveProperty('placedStake');

    const declined = storeWithHedge({ betStatus: 'declined' });
    expect(declined.merge({ bets: [bet({ betStatus: 'placed' })] }, T0)).toEqual([]);
    expect(declined.bet('9')).toMatchObject({ betStatus: 'declined' });
  });

  it('skips a copy that would unsettle a settled bet', () => {
    const store = storeWithHedge({ betStatus: 'placed', settlementStatus: 'won' });
    store.merge({ bets: [bet({ betStatus: 'placed', settlementStatus: 'undecided' })] }, T0);
    expect(store.bet('9')).toMatchObject({ settlementStatus: 'won' });
  });

  it('takes a copy that moves a bet forward, as the broadcast it missed would have', () => {
    const store = storeWithHedge();
    const effects = store.merge({ bets: [bet({ betStatus: 'declined' })] }, T0);
    expect(store.bet('9')).toMatchObject({ betStatus: 'declined' });
    expect(effects.map((e) => e.kind)).toEqual(['hedge-declined']);

    const settled = storeWithHedge({ betStatus: 'placed' });
    settled.merge({ bets: [bet({ betStatus: 'placed', settlementStatus: 'lost' })] }, T0);
    expect(settled.bet('9')).toMatchObject({ settlementStatus: 'lost' });
  });
});

describe('isStaleBetCopy', () => {
  it('orders statuses pending, placed, declined (in any case, rejected and failed as declined)', () => {
    expect(isStaleBetCopy(bet({ betStatus: 'placed' }), bet({ betStatus: 'pending' }))).toBe(true);
    expect(isStaleBetCopy(bet({ betStatus: 'DECLINED' }), bet({ betStatus: 'placed' }))).toBe(true);
    expect(isStaleBetCopy(bet({ betStatus: 'rejected' }), bet({ betStatus: 'pending' }))).toBe(
      true,
    );
    expect(isStaleBetCopy(bet({ betStatus: 'pending' }), bet({ betStatus: 'placed' }))).toBe(false);
    expect(isStaleBetCopy(bet({ betStatus: 'placed' }), bet({ betStatus: 'declined' }))).toBe(
      false,
    );
    expect(isStaleBetCopy(bet({ betStatus: 'placed' }), bet({ betStatus: 'placed' }))).toBe(false);
  });

  it('never lets a known status replace one it does not know, and takes an unknown one as news', () => {
    expect(isStaleBetCopy(bet({ betStatus: 'voided' }), bet({ betStatus: 'pending' }))).toBe(true);
    expect(isStaleBetCopy(bet({ betStatus: 'voided' }), bet({ betStatus: 'declined' }))).toBe(true);
    expect(isStaleBetCopy(bet({ betStatus: 'pending' }), bet({ betStatus: 'voided' }))).toBe(false);
  });

  it('judges by the statuses a side has: a copy or a stored bet without one moves nothing back', () => {
    expect(isStaleBetCopy(bet(), bet({ betStatus: 'pending' }))).toBe(false);
    expect(isStaleBetCopy(bet({ betStatus: 'declined' }), bet({ placedStake: 5 }))).toBe(false);
    expect(
      isStaleBetCopy(bet({ settlementStatus: 'HALF_WON' }), bet({ settlementStatus: 'UNDECIDED' })),
    ).toBe(true);
    expect(
      isStaleBetCopy(bet({ settlementStatus: 'undecided' }), bet({ settlementStatus: 'void' })),
    ).toBe(false);
  });

  it('takes a forward move whatever the timestamps say, and otherwise skips an older updatedAt', () => {
    const at = (s: number) => new Date(T0 + s * 1000).toISOString();
    const placedLater = bet({ betStatus: 'placed', updatedAt: at(20) });
    expect(isStaleBetCopy(placedLater, bet({ betStatus: 'placed', updatedAt: at(10) }))).toBe(true);
    expect(isStaleBetCopy(placedLater, bet({ betStatus: 'placed', updatedAt: at(20) }))).toBe(
      false,
    );
    expect(isStaleBetCopy(placedLater, bet({ betStatus: 'declined', updatedAt: at(10) }))).toBe(
      false,
    );
    expect(isStaleBetCopy(placedLater, bet({ betStatus: 'placed' }))).toBe(false);
  });
});
