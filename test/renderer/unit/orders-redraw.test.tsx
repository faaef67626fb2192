import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MissingHedgeReport } from '../../../common/domain/feed-state';
import { batch, snapshot, T0 } from './builders';
import { renderDashboard } from './render-dashboard';

const drawn = vi.hoisted(() => ({ hedgeCells: 0 }));

// Counts how often an order's hedges cell is drawn: one per row drawn.
vi.mock('../../../renderer/src/views/orders/HedgeChips', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../renderer/src/views/orders/HedgeChips')>();
  return {
    HedgeChips: (props: Parameters<typeof actual.HedgeChips>[0]) => {
      drawn.hedgeCells++;
      return actual.HedgeChips(props);
    },
  };
});

const report = (): MissingHedgeReport => ({
  fillsMissingHedge: 1,
  orders: [
    { orderId: '100002', exchange: 'kalshi', fixtureId: 'f2', stake: 5, fills: 1, since: T0 },
  ],
});

describe('Orders while pushes stream', () => {
  it('redraws no row when a push brings the same unhedged orders', async () => {
    const value = snapshot();
    value.feed.orders = Array.from({ length: 20 }, (_, i) => ({
      orderId: String(100_000 + i),
      exchange: 'kalshi',
      orderStatus: 'PLACED',
      matchedStake: 5,
    }));
    value.feed.missingHedges = report();
    const { user, control, store } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Orders' }));
    await screen.findByText('100002');
    expect(drawn.hedgeCells).toBeGreaterThan(0);

    drawn.hedgeCells = 0;
    for (let i = 0; i < 5; i++) {
      const before = store.getState().missingHedges;
      act(() => control.push(batch([], { missingHedges: report() })));
      await waitFor(() => expect(store.getState().missingHedges).not.toBe(before));
    }
    expect(drawn.hedgeCells).toBe(0);

    // A change does show.
    act(() => control.push(batch([], { missingHedges: { fillsMissingHedge: 0, orders: [] } })));
    await waitFor(() => expect(drawn.hedgeCells).toBeGreaterThan(0));
  });
});
