import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_TRADING_VIEW, type TradingView } from '../../../common/ipc/trading';
import { tradingTexts } from '../../../main/app/texts';
import { tradingStatus } from '../../support/trading-status';
import { snapshot, T0 } from './builders';
import { renderDashboard } from './render-dashboard';
import { createHarness } from './store-harness';

// After a reconnect main reloads orders, bets and accounts over REST. A reload that could not
// read the whole gap (or failed) still merged what it read: the page refreshes its lists on
// every merge, and says why the gap is not repaired where the gap is shown.

const en = tradingTexts('en');
const GAP = { from: T0 - 60_000, to: T0 - 1_000 };

const liveStatus = tradingStatus('live');

/** Live, last repaired before the gap, merged at `mergedAt`. */
function view(patch: Partial<TradingView> = {}): TradingView {
  return {
    ...EMPTY_TRADING_VIEW,
    status: liveStatus,
    checkedAt: T0,
    reconciledAt: T0 - 120_000,
    mergedAt: T0 - 120_000,
    ...patch,
  };
}

describe('the dashboard store after a reload', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes its lists after a merge that left the gap unrepaired, not after a status read', async () => {
    vi.useFakeTimers();
    const h = createHarness(
      { snapshot: snapshot({ trading: view() }) },
      { minResyncIntervalMs: 0 },
    );
    void h.store.start();
    await vi.advanceTimersByTimeAsync(5);

    h.control.pushTrading(view({ checkedAt: T0 + 20_000 }));
    h.runFrame();
    await vi.advanceTimersByTimeAsync(5);
    expect(h.snapshotCalls()).toBe(1);

    // Merged, the gap still unrepaired: reconciledAt stays where it was.
    h.control.pushTrading(view({ mergedAt: T0 + 30_000, reloadProblem: en.gapNotRead }));
    h.runFrame();
    await vi.advanceTimersByTimeAsync(5);
    expect(h.snapshotCalls()).toBe(2);
    h.store.stop();
  });
});

describe('a reload problem on the dashboard', () => {
  const notice = () => document.querySelector('[role="status"].gap-notice')?.textContent ?? '';
  const tradingStatus = () => screen.getByRole('region', { name: 'Trading status' }).textContent;

  it('shows a gap the reload could not read whole beside the gap, not as the status unavailable', async () => {
    const trading = view({ mergedAt: T0, reloadProblem: en.gapNotRead });
    await renderDashboard({ snapshot: snapshot({ trading, gaps: [GAP] }) });
    expect(notice()).toContain('may be missing (the connection was interrupted)');
    expect(notice()).toContain(en.gapNotRead);
    expect(notice()).not.toContain('reconciled');
    expect(tradingStatus()).toContain('Trading live');
    expect(tradingStatus()).not.toContain('unavailable');
  });

  it('shows a failed reload with no gap on screen, until a reload succeeds', async () => {
    const failed = en.reloadFailed('GET /orders/open answered 503: Service Unavailable');
    const { control } = await renderDashboard({
      snapshot: snapshot({ trading: view({ reloadProblem: failed }) }),
    });
    expect(notice()).toBe(failed);
    expect(tradingStatus()).not.toContain('unavailable');

    act(() => control.pushTrading(view({ mergedAt: T0 + 20_000, reconciledAt: T0 + 20_000 })));
    await vi.waitFor(() => expect(document.querySelector('.gap-notice')).toBeNull());
  });

  it('keeps a failed status read as the status unavailable, apart from the reload', async () => {
    const trading = view({ problem: 'connection refused', reloadProblem: en.gapNotRead });
    await renderDashboard({ snapshot: snapshot({ trading, gaps: [GAP] }) });
    expect(tradingStatus()).toContain('Trading status unavailable: connection refused');
    expect(tradingStatus()).not.toContain(en.gapNotRead);
    expect(notice()).not.toContain('connection refused');
  });
});
