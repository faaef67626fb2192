import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { EMPTY_TRADING_VIEW, type TradingView } from '../../../common/ipc/trading';
import { liveStatus, snapshot, T0 } from './builders';
import { renderDashboard } from './render-dashboard';

const bridge = () => (window as unknown as { mmTray: MmTrayApi }).mmTray;

function tradingView(state: string, patch: Partial<TradingView> = {}): TradingView {
  return {
    status: {
      client: 'demo',
      clientName: 'Demo',
      status: state,
      tradingActive: state === 'live',
      manualPaused: state === 'manual_paused',
      manualStopped: state === 'manual_stopped',
      systemTradingBlocked: false,
      emergencyActive: false,
      systemStopped: state === 'system_stopped',
      softPaused: false,
    },
    checkedAt: T0,
    problem: null,
    pnl: {
      netRealizedSpread: 1284.5,
      nakedPnl: -212.4,
      unhedgedStake: 830,
      unhedgedStakePct: 1.65,
    },
    pnlReadAt: T0,
    positions: null,
    openOrders: 2,
    reconciledAt: T0,
    mergedAt: T0,
    reloadProblem: null,
    busy: null,
    ...patch,
  };
}

function tradingSnapshot(view: TradingView = tradingView('live')) {
  const value = snapshot({ trading: view, gaps: [{ from: T0 - 60_000, to: T0 - 1_000 }] });
  value.feed.orders = [
    { orderId: '301', exchange: 'kalshi', orderStake: 40, orderStatus: 'PLACED' },
    { orderId: '302', exchange: 'polymarket', orderStake: 60, orderStatus: 'PENDING_PLACEMENT' },
    { orderId: '303', exchange: 'polymarket', orderStake: 10, orderStatus: 'FILLED' },
  ];
  return value;
}

/** The trading controls, checked to offer only Stop and Cancel all (the status is unknown). */
function onlyKillSwitchEnabled(): HTMLElement {
  const controls = screen.getByRole('region', { name: 'Trading controls' });
  const disabled = (name: string) =>
    (within(controls).getByRole('button', { name }) as HTMLButtonElement).disabled;
  expect(disabled('Pause trading')).toBe(true);
  expect(disabled('Resume trading')).toBe(true);
  expect(disabled('Start trading')).toBe(true);
  expect(disabled('Stop trading')).toBe(false);
  expect(disabled('Cancel all open orders')).toBe(false);
  return controls;
}

describe('trading on the dashboard', () => {
  it('shows the trading status beside the connection, and a gap as reconciled', async () => {
    await renderDashboard({ snapshot: tradingSnapshot() });
    const status = screen.getByRole('region', { name: 'Trading status' });
    expect(status.textContent).toContain('Trading live');
    expect(screen.getByRole('banner').textContent).toContain('Trading live');
    expect(document.querySelector('.gap-notice')?.textContent).toContain(
      'The state was reconciled with the server',
    );
  });

  it('shows today’s P&L and the open orders', async () => {
    await renderDashboard({ snapshot: tradingSnapshot() });
    const pnl = screen.getByRole('region', { name: 'P&L today' });
    expect(pnl.textContent).toContain('1,284.50');
    expect(pnl.textContent).toContain('-212.40');
    expect(pnl.textContent).toContain('830.00');
    expect(pnl.textContent).toContain('1.65 % of matched stake');
    const open = screen.getByRole('region', { name: 'Open orders' });
    expect(
      within(open)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('#302'), expect.stringContaining('#301')]);
  });

  it('pauses at once, and shows the result', async () => {
    const { user, calls } = await renderDashboard({ snapshot: tradingSnapshot() });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    expect(within(controls).getByRole('button', { name: 'Resume trading' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(within(controls).getByRole('button', { name: 'Pause trading' }));
    expect(await within(controls).findByText('Pause trading: pause: done')).toBeTruthy();
    expect(calls('trading.act')).toEqual([['pause', {}]]);
  });

  it('asks before stopping, saying how many orders it cancels; Go back does nothing', async () => {
    const { user, calls } = await renderDashboard({ snapshot: tradingSnapshot() });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    await waitFor(() =>
      expect(dialog.textContent).toContain('This cancels all 2 open orders at the exchanges'),
    );
    await user.keyboard('{Escape}');
    expect(calls('trading.act')).toEqual([]);

    await user.click(within(controls).getByRole('button', { name: 'Cancel all open orders' }));
    const confirm = screen.getByRole('dialog', { name: 'Cancel all open orders?' });
    const go = within(confirm).getByRole('button', { name: 'Cancel all open orders' });
    await waitFor(() => expect(go).toHaveProperty('disabled', false));
    await user.click(go);
    expect(calls('trading.act')).toEqual([['cancel-all', { confirmed: true }]]);
  });

  it('keeps keyboard focus in the controls after Stop is confirmed, while it runs and after', async () => {
    const { user, calls } = await renderDashboard({ snapshot: tradingSnapshot(), latencyMs: 20 });
    const controls = await screen.findByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    const go = within(dialog).getByRole('button', { name: 'Stop trading' });
    await waitFor(() => expect(go).toHaveProperty('disabled', false));
    await user.click(go);
    // Every action button is disabled while Stop runs: focus cannot go back to the opener.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(controls).getByRole('button', { name: 'Working…' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(document.activeElement).not.toBe(document.body);
    expect(controls.contains(document.activeElement)).toBe(true);
    await within(controls).findByText('Stop trading: stop: done');
    expect(document.activeElement).not.toBe(document.body);
    expect(calls('trading.act')).toEqual([['stop', { confirmed: true }]]);
  });

  it('waits while an action started from the tray runs, and says which', async () => {
    const { control } = await renderDashboard({ snapshot: tradingSnapshot() });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    const disabled = (name: string) =>
      (within(controls).getByRole('button', { name }) as HTMLButtonElement).disabled;
    expect(disabled('Cancel all open orders')).toBe(false);
    act(() => control.pushTrading(tradingView('live', { busy: 'stop' })));
    await waitFor(() => expect(disabled('Cancel all open orders')).toBe(true));
    expect(disabled('Working…')).toBe(true);
    expect(disabled('Pause trading')).toBe(true);
    expect(controls.textContent).toContain('Stop trading is under way');
    act(() => control.pushTrading(tradingView('manual_stopped', { busy: null })));
    await waitFor(() => expect(disabled('Cancel all open orders')).toBe(false));
    expect(disabled('Start trading')).toBe(false);
    expect(controls.textContent).not.toContain('under way');
  });

  it('keeps the controls, Stop and Cancel all enabled, when neither status nor P&L was ever read', async () => {
    const nothingRead = { ...EMPTY_TRADING_VIEW, problem: 'connection refused' };
    const value = snapshot({
      trading: nothingRead,
      status: liveStatus({ state: 'reconnecting', reason: 'socket closed' }),
    });
    const { user, calls } = await renderDashboard({ snapshot: value });
    const controls = onlyKillSwitchEnabled();

    await user.click(within(controls).getByRole('button', { name: 'Cancel all open orders' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel all open orders?' });
    const go = within(dialog).getByRole('button', { name: 'Cancel all open orders' });
    await waitFor(() => expect(go).toHaveProperty('disabled', false));
    expect(dialog.textContent).toContain('Trading status not known yet');
    await user.click(go);
    expect(calls('trading.act')).toEqual([['cancel-all', { confirmed: true }]]);
  });

  it('has no trading controls while no key is set and the demo is off', async () => {
    const value = snapshot({ keyStatus: { set: false, storage: 'none' } });
    await renderDashboard({ snapshot: value });
    expect(screen.queryByRole('region', { name: 'Trading controls' })).toBeNull();
  });

  it('counts the open orders fresh when asked, not from its own list or the last snapshot', async () => {
    // The dashboard's list holds 2 open orders, the last REST snapshot listed 5, main counts 9.
    const { user, calls } = await renderDashboard({
      snapshot: tradingSnapshot(tradingView('live', { openOrders: 5 })),
      confirmationFacts: { openOrders: 9, exact: true, statusKnown: true },
      latencyMs: 50,
    });
    const controls = await screen.findByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    expect(within(dialog).getByRole('status').textContent).toBe('Counting the open orders…');
    const go = within(dialog).getByRole('button', { name: 'Stop trading' });
    expect(go).toHaveProperty('disabled', true);

    await waitFor(() =>
      expect(dialog.textContent).toContain('This cancels all 9 open orders at the exchanges'),
    );
    expect(dialog.textContent).not.toContain('Counting');
    expect(calls('trading.confirmationFacts')).toHaveLength(1);
    await user.click(go);
    expect(calls('trading.act')).toEqual([['stop', { confirmed: true }]]);
  });

  it('says the count in the status that said it was counting, and describes the dialog by it', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(),
      confirmationFacts: { openOrders: 9, exact: true, statusKnown: true },
      latencyMs: 50,
    });
    const controls = await screen.findByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    const status = within(dialog).getByRole('status');
    expect(status.textContent).toBe('Counting the open orders…');
    expect(dialog.getAttribute('aria-describedby')).toBe(status.id);
    await waitFor(() =>
      expect(status.textContent).toContain('This cancels all 9 open orders at the exchanges'),
    );
    expect(status.isConnected).toBe(true);
    expect(within(dialog).getByRole('status')).toBe(status);
  });

  it('describes the dialog by the question and the unknown status too', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(),
      confirmationFacts: { openOrders: 4, exact: false, statusKnown: false },
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Cancel all open orders' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel all open orders?' });
    await waitFor(() => expect(dialog.textContent).toContain('Trading status not known yet'));
    const description = (dialog.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toContain('This cancels every open order');
    expect(description).toContain('Trading status not known yet');
  });

  it('says none is open when main counts none', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(),
      confirmationFacts: { openOrders: 0, exact: true, statusKnown: true },
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Cancel all open orders' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel all open orders?' });
    await waitFor(() =>
      expect(dialog.textContent).toContain('This cancels every open order (none is open now)'),
    );
  });

  it('words main’s own estimate as a count it could not confirm', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(tradingView('live', { openOrders: 5 })),
      confirmationFacts: { openOrders: 4, exact: false, statusKnown: false },
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    await waitFor(() =>
      expect(dialog.textContent).toContain(
        'every open order (about 4 by this app’s last count: the count could not be confirmed just now)',
      ),
    );
    // Main could not read the status either.
    expect(dialog.textContent).toContain('Trading status not known yet');
  });

  it('falls back to its own count when main cannot count, saying it is not confirmed', async () => {
    const { user, calls } = await renderDashboard({
      snapshot: tradingSnapshot(tradingView('live', { openOrders: 5 })),
      confirmationFactsError: 'main process not answering',
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    await waitFor(() =>
      expect(dialog.textContent).toContain(
        'This cancels every open order (about 2 by this app’s last count: the count could not be confirmed just now)',
      ),
    );
    expect(dialog.textContent).not.toContain('not known');
    await user.click(within(dialog).getByRole('button', { name: 'Stop trading' }));
    expect(calls('trading.act')).toEqual([['stop', { confirmed: true }]]);
  });

  it('says every open order when main cannot count and it never knew any', async () => {
    const value = snapshot({
      trading: EMPTY_TRADING_VIEW,
      status: liveStatus({ state: 'connecting' }),
    });
    const { user } = await renderDashboard({
      snapshot: value,
      confirmationFactsError: 'main process not answering',
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    await waitFor(() => expect(dialog.textContent).toContain('This cancels every open order at'));
  });

  it('keeps Stop and Cancel all available while the status is unknown, and says so when asking', async () => {
    const unknown = tradingView('live', { status: null, problem: 'connection refused' });
    const { user, calls } = await renderDashboard({ snapshot: tradingSnapshot(unknown) });
    const controls = onlyKillSwitchEnabled();

    await user.click(within(controls).getByRole('button', { name: 'Stop trading' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop trading?' });
    expect(dialog.textContent).toContain('Trading status not known yet');
    await user.click(within(dialog).getByRole('button', { name: 'Stop trading' }));
    expect(calls('trading.act')).toEqual([['stop', { confirmed: true }]]);
  });

  it('does not say the status is unknown when it is known', async () => {
    const { user } = await renderDashboard({ snapshot: tradingSnapshot() });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Cancel all open orders' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel all open orders?' });
    expect(dialog.textContent).not.toContain('not known');
  });

  it('shows the server’s reason when it refuses', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(tradingView('manual_stopped')),
      tradingOutcome: { ok: false, message: 'system stop (maintenance)' },
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Start trading' }));
    expect(
      await within(controls).findByText('Start trading failed: system stop (maintenance)'),
    ).toBeTruthy();
  });

  it('says so when main cannot run the action, without the channel main names first', async () => {
    const { user } = await renderDashboard({ snapshot: tradingSnapshot() });
    vi.spyOn(bridge().trading, 'act').mockRejectedValueOnce(
      new Error('trading:act failed: main process not answering'),
    );
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Pause trading' }));
    expect(
      await within(controls).findByText('Pause trading failed: main process not answering'),
    ).toBeTruthy();
  });

  it('checks the trading status at once on request', async () => {
    const { user, control, calls } = await renderDashboard({ snapshot: tradingSnapshot() });
    control.setSnapshot(tradingSnapshot(tradingView('manual_paused', { checkedAt: T0 + 5_000 })));
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Check status now' }));
    expect(calls('trading.status')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Trading status' }).textContent).toContain(
        'Trading paused',
      ),
    );
    expect(within(controls).getByRole('button', { name: 'Resume trading' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('says so when the status cannot be checked, without the channel main names first', async () => {
    const { user } = await renderDashboard({
      snapshot: tradingSnapshot(),
      tradingStatusError: 'trading:status failed: main process not answering',
    });
    const controls = screen.getByRole('region', { name: 'Trading controls' });
    await user.click(within(controls).getByRole('button', { name: 'Check status now' }));
    expect(
      await within(controls).findByText('Trading status unavailable: main process not answering'),
    ).toBeTruthy();
    expect(within(controls).getByRole('button', { name: 'Check status now' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('follows pushed trading status, and reloads the snapshot after a new reconciliation', async () => {
    const { control, calls } = await renderDashboard({ snapshot: tradingSnapshot() });
    expect(calls('app.snapshot')).toHaveLength(1);
    act(() =>
      control.pushTrading(
        tradingView('system_stopped', { reconciledAt: T0 + 5_000, mergedAt: T0 + 5_000 }),
      ),
    );
    expect((await screen.findByRole('region', { name: 'Trading status' })).textContent).toContain(
      'Stopped by the system',
    );
    // At most one snapshot a second: the second one follows within that.
    await waitFor(() => expect(calls('app.snapshot')).toHaveLength(2), { timeout: 2_000 });
  });
});
