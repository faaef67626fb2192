import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { batch, betEvent, liveStatus, orderEvent, snapshot, T0 } from './builders';

/** The alert region saying `text`: the emergency's, or the one for new fills missing a hedge. */
async function alertSaying(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((a) => a.textContent?.includes(text));
    if (!alert) throw new Error(`no alert says "${text}"`);
    return alert;
  });
}

/** The number under a label of the Overview's hedges card. */
function hedgesCardNumber(label: string): string | null {
  const card = screen.getByRole('region', { name: 'Hedges today' });
  return within(card).getByText(label).nextElementSibling?.textContent ?? null;
}

import { renderDashboard } from './render-dashboard';

const events = [
  orderEvent(1, { orderId: '100123', exchange: 'kalshi', orderStake: 50, fixtureId: 'f1' }),
  orderEvent(
    2,
    { orderId: '100123', matchedStake: 20, orderStatus: 'PLACED' },
    { matchedStake: 0, orderStatus: 'PENDING_PLACEMENT' },
  ),
  betEvent(3, { betId: '500001', orderId: '100123', betStatus: 'declined', bookmaker: 'vertex' }),
];
const feedSnapshot = () => {
  const value = snapshot({}, events);
  value.feed.orders = [
    {
      orderId: '100123',
      exchange: 'kalshi',
      account: 'acc-1',
      orderStake: 50,
      matchedStake: 20,
      orderStatus: 'PLACED',
      orderCents: 0.45,
      bookmakerOutcomePrice: 2.2,
      fixtureId: 'f1',
    },
    {
      orderId: '100124',
      exchange: 'polymarket',
      orderStake: 25,
      matchedStake: 25,
      orderStatus: 'FILLED',
    },
  ];
  value.feed.bets = [
    { betId: '500001', orderId: '100123', betStatus: 'declined', bookmaker: 'vertex' },
    {
      betId: '500002',
      orderId: '100123',
      betStatus: 'placed',
      bookmaker: 'pinnacle',
      placedStake: 20,
    },
  ];
  value.feed.missingHedges = {
    fillsMissingHedge: 1,
    orders: [
      {
        orderId: '100124',
        exchange: 'polymarket',
        fixtureId: 'f2',
        stake: 25,
        fills: 1,
        since: T0,
      },
    ],
  };
  value.feed.counters = { ...value.feed.counters, fills: 2, matchedStake: 45, hedgesDeclined: 1 };
  return value;
};

describe('the overview', () => {
  it('puts the fills missing a hedge first, highlighted, with a way to the order', async () => {
    const { user } = await renderDashboard({ snapshot: feedSnapshot() });
    const card = screen.getByRole('region', { name: 'Fills missing a hedge' });
    expect(card.className).toContain('card-alert');
    expect(within(card).getByText('1')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open order 100124' }));
    expect(screen.getByRole('button', { name: 'Orders' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const row = await screen.findByRole('row', { selected: true });
    expect(row.textContent).toContain('100124');
    expect(row.textContent).toContain('unhedged');
  });
});

describe('the overview, counting', () => {
  it('counts the hedges pending now, not how many became pending today', async () => {
    const { control } = await renderDashboard({ snapshot: feedSnapshot() });
    expect(hedgesCardNumber('pending now')).toBe('0');
    act(() =>
      control.push(
        batch([betEvent(4, { betId: '600001', orderId: '100123', betStatus: 'pending' })]),
      ),
    );
    await waitFor(() => expect(hedgesCardNumber('pending now')).toBe('1'));
    act(() =>
      control.push(
        batch([betEvent(5, { betId: '600001', betStatus: 'placed' }, { betStatus: 'pending' })]),
      ),
    );
    await waitFor(() => expect(hedgesCardNumber('placed')).toBe('1'));
    // Counted over every bet, so no more often than the lists are drawn (150 ms).
    await waitFor(() => expect(hedgesCardNumber('pending now')).toBe('0'));
  });

  it('names the count on the Overview tab in words, not "Overview1"', async () => {
    await renderDashboard({ snapshot: feedSnapshot() });
    const tab = screen.getByRole('button', { name: 'Overview 1 fill missing a hedge' });
    expect(tab.getAttribute('aria-current')).toBe('page');
    expect(within(tab).getByText('1').getAttribute('aria-hidden')).toBe('true');
  });

  it('names the count in Chinese too', async () => {
    const value = feedSnapshot();
    value.settings = { ...value.settings, language: 'zh-CN' };
    value.feed.missingHedges.fillsMissingHedge = 3;
    await renderDashboard({ snapshot: value });
    expect(screen.getByRole('button', { name: '概览 3 笔成交缺少对冲' })).toBeTruthy();
  });
});

describe('the live feed', () => {
  it('lists events newest first as rows of a grid, with the order id and channel as text', async () => {
    const { user } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    const grid = screen.getByRole('grid', { name: 'Events, newest first' });
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Hedge 500001'),
      expect.stringContaining('Order 100123'),
      expect.stringContaining('Order 100123'),
    ]);
    expect(rows[0]!.textContent).toContain('bets');
    expect(rows[1]!.textContent).toContain('matchedStake 0.00 → 20.00');
    // Worded as the Orders view words it.
    expect(rows[1]!.textContent).toContain('orderStatus PENDING PLACEMENT → PLACED');
  });

  it('shows pushed events, and filters them', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    act(() => control.push(batch([orderEvent(4, { orderId: '100999', exchange: 'smarkets' })])));
    expect(await screen.findByRole('row', { name: /Order 100999/ })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Channel'), 'bets');
    expect(screen.queryByRole('row', { name: /Order 100999/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Channel'), 'all');
    await user.type(screen.getByLabelText('Search'), 'smarkets');
    const rows = within(screen.getByRole('grid')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
  });

  it('words order and hedge statuses in Chinese for zh-CN, as Orders and Hedges do', async () => {
    const value = feedSnapshot();
    value.settings = { ...value.settings, language: 'zh-CN' };
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: '实时推送' }));
    const grid = screen.getByRole('grid');
    expect(grid.textContent).toContain('orderStatus 待下单 → 已下单');
    expect(grid.textContent).toContain('被拒 · vertex');
    expect(grid.textContent).not.toMatch(/PLACED|PENDING_PLACEMENT|declined/);
  });

  it('opens the full payload of a row; Escape closes it and focus goes back to the grid', async () => {
    const { user } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    await user.click(screen.getAllByRole('row', { name: /Order 100123/ })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'orders UPDATE #2' });
    expect(within(dialog).getByRole('region', { name: 'Payload' }).textContent).toContain(
      '"matchedStake": 20',
    );
    expect(within(dialog).getByRole('region', { name: 'Previous values (old)' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('grid'));
  });

  it('holds the list while paused and counts what arrived', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    act(() =>
      control.push(
        batch([orderEvent(4, { orderId: '100999' }), orderEvent(5, { orderId: '101000' })]),
      ),
    );
    expect(await screen.findByText('2 new events')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Order 100999/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show latest' }));
    expect(await screen.findByRole('row', { name: /Order 100999/ })).toBeTruthy();
  });

  it('counts only new events when a reload brings back the ones it had', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    // Main dropped events under load: the page reloads its snapshot, recent events and all.
    const reloaded = feedSnapshot();
    const newer = orderEvent(4, { orderId: '100999' });
    reloaded.feed.recentEvents = [...reloaded.feed.recentEvents, newer];
    reloaded.lastEventSeq = 4;
    control.setSnapshot(reloaded);
    act(() => control.push(batch([newer], { dropped: 1 })));
    const reloads = () => control.calls.filter((c) => c.method === 'app.snapshot').length;
    await waitFor(() => expect(reloads()).toBe(2), { timeout: 3_000 });
    expect(await screen.findByText('1 new event')).toBeTruthy();
    expect(screen.queryByText(/new events/)).toBeNull();
  });
});

describe('orders and hedges', () => {
  it('shows each order with its hedges, declined ones marked', async () => {
    const { user } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    const row = screen.getByRole('row', { name: /^100123/ });
    expect(row.textContent).toContain('20.00 of 50.00');
    expect(row.textContent).toContain('500001 declined');
    expect(row.textContent).toContain('500002 placed');
    expect(within(row).getByText('500001 declined').className).toContain('chip-declined');
    expect(row.className).toContain('row-warn');
  });

  it('opens an order at a notification click, and a hedge at its own', async () => {
    const { control } = await renderDashboard({ snapshot: feedSnapshot() });
    act(() => control.navigate({ view: 'order', orderId: '100123' }));
    expect((await screen.findByRole('row', { selected: true })).textContent).toContain('100123');
    act(() => control.navigate({ view: 'hedge', betId: '500002' }));
    expect(screen.getByRole('button', { name: 'Hedges' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect((await screen.findByRole('row', { selected: true })).textContent).toContain('pinnacle');
  });

  it('a notification click while an order is open closes it and shows the order clicked', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    await user.click(screen.getByRole('row', { name: /^100123/ }));
    expect(screen.getByRole('dialog', { name: 'Order 100123' })).toBeTruthy();
    act(() => control.navigate({ view: 'order', orderId: '100124' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.getElementById('root')?.hasAttribute('inert')).toBe(false);
    expect((await screen.findByRole('row', { selected: true })).textContent).toContain('100124');
  });

  it('a notification click while a hedge is open closes it and shows the hedge clicked', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Hedges' }));
    await user.click(screen.getByRole('row', { name: /^500001/ }));
    expect(screen.getByRole('dialog', { name: 'Hedge 500001' })).toBeTruthy();
    act(() => control.navigate({ view: 'hedge', betId: '500002' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.getElementById('root')?.hasAttribute('inert')).toBe(false);
    expect((await screen.findByRole('row', { selected: true })).textContent).toContain('500002');
  });
});

describe('an item opened while filters would hide it', () => {
  it('"Open" on an unhedged fill clears "Open orders only" and selects the filled order', async () => {
    const { user } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    await user.click(screen.getByRole('checkbox', { name: 'Open orders only' }));
    expect(screen.queryByRole('row', { name: /^100124/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Overview/ }));
    await user.click(screen.getByRole('button', { name: 'Open order 100124' }));
    const row = await screen.findByRole('row', { selected: true });
    expect(row.textContent).toContain('100124');
    expect(row.textContent).toContain('unhedged');
    const openOnly = screen.getByRole('checkbox', { name: 'Open orders only' }) as HTMLInputElement;
    expect(openOnly.checked).toBe(false);
    expect(screen.queryByText(/is not in the dashboard/)).toBeNull();

    // Only for that request: filtering again afterwards is the user's choice.
    await user.click(openOnly);
    await waitFor(() => expect(screen.queryByRole('row', { name: /^100124/ })).toBeNull());
    expect(openOnly.checked).toBe(true);
  });

  it('clears only the filter that hides the order', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    await user.click(screen.getByRole('checkbox', { name: 'Open orders only' }));
    await user.type(screen.getByLabelText('Find orders'), 'polymarket');
    act(() => control.navigate({ view: 'order', orderId: '100123' }));
    expect((await screen.findByRole('row', { selected: true })).textContent).toContain('100123');
    expect((screen.getByLabelText('Find orders') as HTMLInputElement).value).toBe('');
    expect(
      (screen.getByRole('checkbox', { name: 'Open orders only' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('a hedge opened while the search hides it: the search is cleared and the bet selected', async () => {
    const { user, control } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Hedges' }));
    await user.type(screen.getByLabelText('Find hedges'), 'pinnacle');
    expect(screen.queryByRole('row', { name: /^500001/ })).toBeNull();
    act(() => control.navigate({ view: 'hedge', betId: '500001' }));
    const row = await screen.findByRole('row', { selected: true });
    expect(row.textContent).toContain('500001');
    expect((screen.getByLabelText('Find hedges') as HTMLInputElement).value).toBe('');
  });
});

describe('prices and declined hedges', () => {
  it('writes an exchange price in cents without rounding it away: 0.455 is 45.5¢', async () => {
    const value = feedSnapshot();
    value.feed.orders[0]!.orderCents = 0.455;
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    const row = screen.getByRole('row', { name: /^100123/ });
    expect(row.textContent).toContain('45.5¢');
    expect(row.textContent).not.toContain('0.46');
  });

  it('marks a hedge refused in any spelling (REJECTED, failed) in Orders and the live feed', async () => {
    const value = snapshot({}, [
      betEvent(1, { betId: '500003', orderId: '100125', betStatus: 'REJECTED' }),
      betEvent(2, { betId: '500004', orderId: '100126', betStatus: 'failed' }),
    ]);
    value.feed.orders = [
      { orderId: '100125', orderStake: 10, matchedStake: 10, orderStatus: 'FILLED' },
      { orderId: '100126', orderStake: 10, matchedStake: 10, orderStatus: 'FILLED' },
    ];
    value.feed.bets = [
      { betId: '500003', orderId: '100125', betStatus: 'REJECTED' },
      { betId: '500004', orderId: '100126', betStatus: 'failed' },
    ];
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    for (const orderId of ['100125', '100126']) {
      const row = screen.getByRole('row', { name: new RegExp(`^${orderId}`) });
      expect(row.textContent).toContain('declined');
      expect(row.className).toContain('row-warn');
    }
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    for (const betId of ['500003', '500004']) {
      expect(screen.getByRole('row', { name: new RegExp(`Hedge ${betId}`) }).className).toContain(
        'row-warn',
      );
    }
  });
});

describe('the header', () => {
  it('shows the connection state, an emergency in an alert, and the gap notice', async () => {
    const value = feedSnapshot();
    value.gaps = [{ from: T0 - 60_000, to: T0 - 30_000 }];
    const { control, user, calls } = await renderDashboard({ snapshot: value });
    const connection = screen.getByRole('region', { name: 'Connection status' });
    expect(connection.textContent).toContain('Live');
    for (const alert of screen.getAllByRole('alert')) expect(alert.textContent).toBe('');
    act(() =>
      control.push(
        batch([], {
          status: liveStatus({
            emergency: true,
            emergencyReason: 'Risk limit',
            emergencySince: T0,
          }),
        }),
      ),
    );
    expect((await alertSaying('Risk limit')).textContent).toContain('Emergency');
    expect(screen.getByText(/may be missing/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/may be missing/)).toBeNull();

    act(() =>
      control.push(
        batch([], {
          status: {
            state: 'reconnecting',
            since: Date.now(),
            attempt: 2,
            retryAt: Date.now() + 5_000,
            emergency: false,
          },
        }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Reconnect now' }));
    expect(calls('feed.reconnect')).toHaveLength(1);
  });

  it('announces an emergency while a dialog makes the page inert', async () => {
    const { control, user } = await renderDashboard({ snapshot: feedSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    await user.click(screen.getAllByRole('row', { name: /Order 100123/ })[0]!);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(document.getElementById('root')?.hasAttribute('inert')).toBe(true);
    act(() =>
      control.push(
        batch([], {
          status: liveStatus({
            emergency: true,
            emergencyReason: 'Risk limit',
            emergencySince: T0,
          }),
        }),
      ),
    );
    const alert = await alertSaying('Risk limit');
    expect(alert.closest('[inert]')).toBeNull();
  });

  it('announces more fills missing a hedge, even while a dialog makes the page inert', async () => {
    const { control, user } = await renderDashboard({ snapshot: feedSnapshot() });
    const said = () => screen.getAllByRole('alert').map((alert) => alert.textContent ?? '');
    // The fill missing a hedge when the page opened is on the tab, not announced.
    expect(said().join('')).toBe('');
    act(() => control.push(batch([], { missingHedges: feedSnapshot().feed.missingHedges })));
    expect(said().join('')).toBe('');

    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    await user.click(screen.getAllByRole('row', { name: /Order 100123/ })[0]!);
    expect(document.getElementById('root')?.hasAttribute('inert')).toBe(true);
    act(() => control.push(batch([], { missingHedges: { fillsMissingHedge: 3, orders: [] } })));
    const alert = await alertSaying('3 fills missing a hedge');
    expect(alert.closest('[inert]')).toBeNull();

    // Fewer says nothing, and empties the region so that a later rise is heard again.
    act(() => control.push(batch([], { missingHedges: { fillsMissingHedge: 2, orders: [] } })));
    await waitFor(() => expect(alert.textContent).toBe(''));
    act(() => control.push(batch([], { missingHedges: { fillsMissingHedge: 3, orders: [] } })));
    await waitFor(() => expect(alert.textContent).toBe('3 fills missing a hedge'));
  });

  it('announces a new connection state politely, in the dashboard’s language', async () => {
    const value = feedSnapshot();
    value.settings = { ...value.settings, language: 'zh-CN' };
    const { control } = await renderDashboard({ snapshot: value });
    const said = () =>
      screen
        .getAllByRole('status')
        .map((status) => status.textContent ?? '')
        .filter((text) => text.startsWith('连接'));
    expect(said()).toEqual([]);
    // A status that changed something else (the attempt count) is not a new state.
    act(() => control.push(batch([], { status: liveStatus({ attempt: 1 }) })));
    expect(said()).toEqual([]);

    act(() =>
      control.push(
        batch([], { status: { state: 'reconnecting', since: T0, attempt: 1, emergency: false } }),
      ),
    );
    await waitFor(() => expect(said()).toEqual(['连接：正在重连']));
    const region = screen.getAllByRole('status').find((s) => s.textContent === '连接：正在重连');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.closest('#root')).toBeNull();
    act(() => control.push(batch([], { status: liveStatus() })));
    await waitFor(() => expect(said()).toEqual(['连接：已连接']));
  });

  it('an emergency target focuses the banner, a region named Emergency', async () => {
    const value = feedSnapshot();
    value.feed.emergency = { active: true, reason: 'Risk limit', since: T0 };
    const { user, control } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Scores' }));
    act(() => control.navigate({ view: 'emergency' }));
    const banner = screen.getByRole('region', { name: 'Emergency' });
    expect(banner.textContent).toContain('Risk limit');
    expect(document.activeElement).toBe(banner);
  });

  it('shows the DEMO badge in demo mode', async () => {
    await renderDashboard({ snapshot: snapshot({ demo: true }) });
    expect(screen.getByText('DEMO')).toBeTruthy();
  });
});
