import { readFileSync } from 'node:fs';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MissingHedge } from '../../../common/domain/feed-state';
import type { FeedStatus } from '../../../common/domain/status';
import { EMPTY_TRADING_VIEW, type TradingView } from '../../../common/ipc/trading';
import { batch, liveStatus, orderEvent, snapshot, T0 } from './builders';
import { renderDashboard } from './render-dashboard';

function missingOrder(i: number): MissingHedge {
  return {
    orderId: `9${String(i).padStart(5, '0')}`,
    exchange: 'kalshi',
    fixtureId: `f${i}`,
    stake: 10,
    fills: 1,
    since: T0 + i,
  };
}

const restStatus = (state: string): NonNullable<TradingView['status']> => ({
  client: 'demo',
  clientName: 'Demo',
  status: state,
  tradingActive: state === 'live',
  manualPaused: false,
  manualStopped: false,
  systemTradingBlocked: false,
  emergencyActive: state === 'emergency',
  systemStopped: false,
  softPaused: false,
});

const PNL = { netRealizedSpread: 10, nakedPnl: -2, unhedgedStake: 5, unhedgedStakePct: 1 };

const POSITIONS = {
  totalOrders: 4,
  fixtureCount: 2,
  exchangeCount: 1,
  totalStake: 100,
  totalMatched: 50,
  totalOpen: 50,
  filledCount: 1,
  cancelledCount: 1,
  openCount: 2,
};

describe('unhedged orders cut to fit a push', () => {
  it('counts every order, and says how many the dashboard was not sent', async () => {
    const value = snapshot();
    value.feed.missingHedges = {
      fillsMissingHedge: 300,
      ordersMissingHedge: 300,
      orders: Array.from({ length: 10 }, (_, i) => missingOrder(i)),
    };
    await renderDashboard({ snapshot: value });
    const card = screen.getByRole('region', { name: 'Fills missing a hedge' });
    expect(card.textContent).toContain('300');
    expect(card.textContent).toContain('on 300 orders');
    const panel = screen.getByRole('region', { name: 'Unhedged fills' });
    expect(within(panel).getAllByRole('row')).toHaveLength(1 + 8);
    expect(panel.textContent).toContain(
      '…and 292 more. Only the oldest 10 of the 300 orders are listed and marked in Orders',
    );
    expect(panel.textContent).not.toContain('(marked in Orders)');
  });

  it('says the rest are marked in Orders when the list is complete', async () => {
    const value = snapshot();
    value.feed.missingHedges = {
      fillsMissingHedge: 12,
      orders: Array.from({ length: 10 }, (_, i) => missingOrder(i)),
    };
    await renderDashboard({ snapshot: value });
    const card = screen.getByRole('region', { name: 'Fills missing a hedge' });
    expect(card.textContent).toContain('on 10 orders');
    const panel = screen.getByRole('region', { name: 'Unhedged fills' });
    expect(panel.textContent).toContain('…and 2 more (marked in Orders)');
  });
});

describe('Orders, unhedged only', () => {
  const ordersSnapshot = (ordersMissingHedge?: number) => {
    const value = snapshot();
    value.feed.orders = [
      { orderId: '100123', exchange: 'kalshi', orderStatus: 'PLACED', matchedStake: 5 },
      { orderId: '100124', exchange: 'polymarket', orderStatus: 'FILLED', matchedStake: 25 },
      { orderId: '100125', exchange: 'betfair', orderStatus: 'PLACED' },
    ];
    value.feed.missingHedges = {
      fillsMissingHedge: 1,
      orders: [{ ...missingOrder(0), orderId: '100124' }],
      ...(ordersMissingHedge === undefined ? {} : { ordersMissingHedge }),
    };
    return value;
  };

  it('shows only the orders listed as missing a hedge', async () => {
    const { user } = await renderDashboard({ snapshot: ordersSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    const grid = screen.getByRole('grid', { name: 'Orders, newest first' });
    expect(within(grid).getByText('100123')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Unhedged only' }));
    await waitFor(() => expect(within(grid).queryByText('100123')).toBeNull());
    expect(within(grid).getByText('100124')).toBeTruthy();
    expect(within(grid).queryByText('100125')).toBeNull();
    expect(screen.queryByText(/the dashboard is not sent them all/)).toBeNull();
  });

  it('says when it cannot show them all', async () => {
    const { user } = await renderDashboard({ snapshot: ordersSnapshot(40) });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    await user.click(screen.getByRole('checkbox', { name: 'Unhedged only' }));
    expect(
      screen.getByText(
        'Showing the oldest 1 of 40 unhedged orders: the dashboard is not sent them all.',
      ),
    ).toBeTruthy();
  });
});

describe('the trading pill during an emergency', () => {
  const emergencySnapshot = (state: string, emergencyActive: boolean) =>
    snapshot({
      status: liveStatus({ emergency: emergencyActive, emergencySince: T0 + 5_000 }),
      trading: { ...EMPTY_TRADING_VIEW, status: restStatus(state), checkedAt: T0 },
    });

  it('never says "Trading live" while the emergency is on, and follows REST again once it is off', async () => {
    const value = emergencySnapshot('live', true);
    value.feed.emergency = { active: true, reason: 'Risk limit', since: T0 + 5_000 };
    const { control } = await renderDashboard({ snapshot: value });
    const region = screen.getByRole('region', { name: 'Trading status' });
    expect(region.textContent).not.toContain('Trading live');
    expect(region.textContent).toContain('Halted: emergency');
    expect(region.textContent).toContain('before the emergency');

    act(() => control.push(batch([], { status: liveStatus({ since: T0 + 60_000 }) })));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Trading status' }).textContent).toContain(
        'Trading live',
      ),
    );
    expect(screen.getByRole('region', { name: 'Trading status' }).textContent).not.toContain(
      'emergency',
    );
  });

  it('says so when REST, read after the emergency began, still said live', async () => {
    const value = emergencySnapshot('live', true);
    value.trading = { ...value.trading, checkedAt: T0 + 9_000 };
    value.feed.emergency = { active: true, reason: 'Risk limit', since: T0 + 5_000 };
    await renderDashboard({ snapshot: value });
    const region = screen.getByRole('region', { name: 'Trading status' });
    expect(region.textContent).toContain('Halted: emergency');
    expect(region.textContent).not.toContain('before the emergency');
    expect(region.textContent).toMatch(
      /the feed reports an emergency; status read .* said Trading live/,
    );
  });

  it('shows the emergency even before the status was ever read', async () => {
    const value = snapshot({
      status: liveStatus({ emergency: true, emergencySince: T0 + 5_000 }),
      trading: { ...EMPTY_TRADING_VIEW, problem: 'timeout' },
    });
    value.feed.emergency = { active: true, reason: 'Risk limit', since: T0 + 5_000 };
    await renderDashboard({ snapshot: value });
    const region = screen.getByRole('region', { name: 'Trading status' });
    expect(region.textContent).toContain('Halted: emergency');
    expect(region.textContent).toContain('timeout');
  });

  it('does not keep saying "emergency" after it cleared, when REST said so before', async () => {
    const value = emergencySnapshot('emergency', false);
    value.feed.emergency = { active: false, reason: null, since: T0 + 60_000 };
    await renderDashboard({ snapshot: value });
    const region = screen.getByRole('region', { name: 'Trading status' });
    expect(region.textContent).toContain('Emergency cleared: status not re-read yet');
    expect(region.textContent).not.toContain('Halted');
  });

  it('shows a stop read from REST as it is, emergency or not', async () => {
    const value = emergencySnapshot('manual_stopped', true);
    value.feed.emergency = { active: true, reason: 'Risk limit', since: T0 + 5_000 };
    await renderDashboard({ snapshot: value });
    const region = screen.getByRole('region', { name: 'Trading status' });
    expect(region.textContent).toContain('Trading stopped');
  });
});

describe('a dashboard without a live feed', () => {
  const down: FeedStatus = {
    state: 'reconnecting',
    since: T0 + 30_000,
    attempt: 3,
    emergency: false,
  };

  it('says the Overview figures may be out of date, and knows of no hedged fills', async () => {
    await renderDashboard({ snapshot: snapshot({ status: down }) });
    expect(
      screen.getAllByText(/^Not connected since .*: figures may be out of date$/),
    ).toHaveLength(1);
    const card = screen.getByRole('region', { name: 'Fills missing a hedge' });
    expect(card.className).toContain('card-unknown');
    expect(card.className).not.toContain('card-ok');
    expect(card.textContent).toContain('none known: not connected');
    expect(card.textContent).not.toContain('all fills hedged');
  });

  it('shows the unhedged card as ok only while live', async () => {
    await renderDashboard({ snapshot: snapshot() });
    const card = screen.getByRole('region', { name: 'Fills missing a hedge' });
    expect(card.className).toContain('card-ok');
    expect(card.textContent).toContain('all fills hedged');
    expect(screen.queryByText(/Not connected since/)).toBeNull();
  });

  it('does not call the feed live', async () => {
    const { user, control } = await renderDashboard({
      snapshot: snapshot({ status: { ...down, state: 'stopped' } }),
    });
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    expect(screen.queryByText('Live: newest at the top')).toBeNull();
    expect(screen.getByText(/^Not connected since .*: figures may be out of date$/)).toBeTruthy();

    act(() => control.push(batch([], { status: liveStatus({ since: Date.now() }) })));
    expect(await screen.findByText('Live: newest at the top')).toBeTruthy();
    expect(screen.queryByText(/Not connected since/)).toBeNull();
  });

  it('draws "stopped" in the warning colour, not muted grey', () => {
    const css = readFileSync('renderer/src/styles/app.css', 'utf8');
    const rule = css.match(/\.state-stopped\s*\{([^}]*)\}/);
    expect(rule?.[1]).toContain('color: var(--warn)');
  });
});

describe('P&L and positions', () => {
  const tradingSnapshot = (pnlReadAt: number) =>
    snapshot({
      trading: {
        ...EMPTY_TRADING_VIEW,
        status: restStatus('live'),
        checkedAt: Date.now(),
        pnl: PNL,
        pnlReadAt,
        positions: POSITIONS,
      },
    });

  it('say which day they cover and when they were read', async () => {
    await renderDashboard({ snapshot: tradingSnapshot(Date.now() - 30_000) });
    for (const name of ['P&L today', 'Positions today']) {
      const card = screen.getByRole('region', { name });
      expect(card.textContent).toMatch(/UTC day · as of \d/);
      expect(card.textContent).not.toContain('out of date');
    }
  });

  it('are marked out of date when read more than two minutes ago', async () => {
    await renderDashboard({ snapshot: tradingSnapshot(Date.now() - 3 * 60_000) });
    const card = screen.getByRole('region', { name: 'P&L today' });
    expect(card.textContent).toMatch(/UTC day · as of .*: out of date/);
    expect(card.querySelector('.stale')).not.toBeNull();
  });
});

describe('times in a window open for days', () => {
  it('write the date of an event or an update made before today', async () => {
    const yesterday = Date.now() - 36 * 3_600_000;
    const value = snapshot({}, [orderEvent(1, { orderId: '100777' })]);
    value.feed.recentEvents[0]!.receivedAt = yesterday;
    value.feed.orders = [
      { orderId: '100777', orderStatus: 'PLACED', updatedAt: new Date(yesterday).toISOString() },
    ];
    const { user } = await renderDashboard({ snapshot: value });
    const day = new Intl.DateTimeFormat('en', { day: 'numeric' }).format(yesterday);
    const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(yesterday);

    await user.click(screen.getByRole('button', { name: 'Orders' }));
    const orderRow = within(screen.getByRole('grid', { name: 'Orders, newest first' }))
      .getByText('100777')
      .closest('[role="row"]');
    expect(orderRow?.textContent).toContain(`${month} ${day}`);

    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    const feedRow = within(screen.getByRole('grid', { name: 'Events, newest first' }))
      .getByText(/100777/)
      .closest('[role="row"]');
    expect(feedRow?.textContent).toContain(`${month} ${day}`);
  });

  it('write only the time for today', async () => {
    const value = snapshot({}, [orderEvent(1, { orderId: '100778' })]);
    value.feed.recentEvents[0]!.receivedAt = Date.now();
    const { user } = await renderDashboard({ snapshot: value });
    const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(Date.now());
    await user.click(screen.getByRole('button', { name: 'Live feed' }));
    const feedRow = within(screen.getByRole('grid', { name: 'Events, newest first' }))
      .getByText(/100778/)
      .closest('[role="row"]');
    expect(feedRow?.textContent).not.toContain(month);
  });
});

describe('the emergency banner and the gap notice in a window open past midnight', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('write the date of an emergency and a gap that began yesterday', async () => {
    const lateEvening = new Date(2026, 4, 1, 23, 50).getTime();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(lateEvening + 60_000);
    const value = snapshot({
      status: liveStatus({
        since: lateEvening - 3_600_000,
        emergency: true,
        emergencyReason: 'Risk limit',
        emergencySince: lateEvening,
      }),
      gaps: [{ from: lateEvening - 120_000, to: lateEvening - 60_000 }],
    });
    value.feed.emergency = { active: true, reason: 'Risk limit', since: lateEvening };
    await renderDashboard({ snapshot: value });
    const month = new Intl.DateTimeFormat('en', { month: 'short' }).format(lateEvening);
    const banner = screen.getByRole('region', { name: 'Emergency' });
    const gap = () => document.querySelector('.gap-notice')?.textContent ?? '';
    expect(banner.textContent).not.toContain(month);
    expect(gap()).toContain('may be missing');
    expect(gap()).not.toContain(month);

    vi.setSystemTime(lateEvening + 10 * 3_600_000);
    act(() => vi.advanceTimersByTime(60_000));
    expect(banner.textContent).toContain(`since ${month} 1`);
    expect(gap()).toContain(`${month} 1`);
  });
});
