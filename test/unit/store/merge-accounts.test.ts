import { describe, expect, it } from 'vitest';
import { FeedStore } from '../../../main/store/feed-store';
import { accountEvent } from './feed-events';

const T0 = Date.UTC(2026, 1, 15, 10, 30);

describe('FeedStore.merge accounts (the REST snapshot after a reconnect)', () => {
  it('folds the balances read over REST into the accounts the feed knew', () => {
    const store = new FeedStore();
    store.apply(
      accountEvent({ exchange: 'kalshi', username: 'desk1', balance: 100, active: true }),
      T0,
    );
    store.merge({ accounts: [{ exchange: 'kalshi', username: 'desk1', balance: 64 }] }, T0);
    expect(store.account('kalshi', 'desk1')).toMatchObject({ balance: 64, active: true });
  });

  it('adds accounts the feed never mentioned, and keeps the others when merging', () => {
    const store = new FeedStore();
    store.apply(accountEvent({ exchange: 'kalshi', username: 'desk1', balance: 100 }), T0);
    store.merge({ accounts: [{ exchange: 'polymarket', username: 'desk2', balance: 7 }] }, T0);
    expect(store.account('polymarket', 'desk2')).toMatchObject({ balance: 7 });
    expect(store.account('kalshi', 'desk1')).toMatchObject({ balance: 100 });
  });

  it('with replace, forgets accounts the snapshot no longer lists', () => {
    const store = new FeedStore();
    store.apply(accountEvent({ exchange: 'kalshi', username: 'gone', balance: 1 }), T0);
    store.merge(
      { accounts: [{ exchange: 'kalshi', username: 'desk1', balance: 3 }], replace: true },
      T0,
    );
    expect(store.account('kalshi', 'gone')).toBeUndefined();
    expect(store.account('kalshi', 'desk1')).toMatchObject({ balance: 3 });
    expect(store.sizes().accounts).toBe(1);
  });

  it('skips entries that are not account records instead of throwing', () => {
    const store = new FeedStore();
    const junk = [null, 'x'] as unknown as Parameters<FeedStore['merge']>[0]['accounts'];
    expect(() => store.merge({ accounts: junk }, T0)).not.toThrow();
    expect(store.sizes().accounts).toBe(0);
  });
});
