import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import type { ScorePayload } from '../../../common/protocol/payloads';
import { Root } from '../../../renderer/src/app/Root';
import { DashboardStore } from '../../../renderer/src/store/dashboard-store';
import { installFakeBridge } from '../support/fake-bridge';
import { batch, snapshot, T0 } from './builders';
import { renderDashboard } from './render-dashboard';

const bridge = () => (window as unknown as { mmTray: MmTrayApi }).mmTray;

describe('hedges', () => {
  it('write the date of a hedge placed on another day, and only the time of one placed today', async () => {
    const value = snapshot();
    value.feed.bets = [
      { betId: 'old', betStatus: 'placed', placedAt: new Date(T0 - 3 * 86_400_000).toISOString() },
      { betId: 'new', betStatus: 'placed', placedAt: new Date().toISOString() },
    ];
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Hedges' }));
    const row = (id: string) =>
      screen.getAllByRole('row').find((r) => r.textContent?.startsWith(id))!;
    await waitFor(() => expect(row('old')).toBeTruthy());
    expect(row('old').textContent).toMatch(/Apr 28/);
    expect(row('new').textContent).not.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
  });
});

describe('scores', () => {
  it('say how many fixtures are not shown past the first 300', async () => {
    const value = snapshot();
    value.feed.scores = Array.from(
      { length: 305 },
      (_, i): ScorePayload => ({ fixtureId: `f${i}`, live: true }),
    );
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Scores' }));
    expect(screen.getAllByRole('row')).toHaveLength(301);
    expect(screen.getByText('5 more fixtures not shown')).toBeTruthy();
  });

  it('say nothing more when every fixture is shown', async () => {
    const value = snapshot();
    value.feed.scores = [{ fixtureId: 'f1', live: true }];
    const { user } = await renderDashboard({ snapshot: value });
    await user.click(screen.getByRole('button', { name: 'Scores' }));
    expect(screen.queryByText(/not shown/)).toBeNull();
  });
});

describe('settings', () => {
  it('report the key test in the dashboard’s language', async () => {
    const value = snapshot();
    value.settings = { ...value.settings, language: 'zh-CN' };
    const { user } = await renderDashboard({
      snapshot: value,
      keyTest: { ok: true, message: 'the server accepted the key' },
    });
    await user.click(screen.getByRole('button', { name: '设置' }));
    await user.click(screen.getByRole('button', { name: '测试连接' }));
    expect(await screen.findByText('连接正常：服务器接受了该密钥')).toBeTruthy();
  });

  it('say so when the log folder cannot be opened, without the channel main names first', async () => {
    const { user } = await renderDashboard({ snapshot: snapshot() });
    vi.spyOn(bridge().logs, 'openFolder').mockRejectedValueOnce(
      new Error('logs:open-folder failed: no file manager'),
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Open the log folder' }));
    expect(
      await screen.findByText('The log folder could not be opened: no file manager'),
    ).toHaveProperty('role', 'status');
  });
});

describe('a reload of the dashboard’s data that fails', () => {
  it('says the picture may be incomplete (the store retries: dashboard-store.test.ts)', async () => {
    const { control } = await renderDashboard({ snapshot: snapshot() });
    vi.spyOn(bridge().app, 'snapshot').mockRejectedValue(
      new Error('app:snapshot failed: main not answering'),
    );
    act(() => control.push(batch([], { dropped: 3 })));
    const notice = await screen.findByText(/the picture may be incomplete/);
    expect(notice.textContent).toContain('main not answering');
    expect(notice.textContent).not.toContain('app:snapshot failed');
    expect(notice.getAttribute('role')).toBe('status');
  });
});

describe('a dashboard that cannot load', () => {
  it('says why, without the channel main names first', async () => {
    installFakeBridge({ snapshot: snapshot(), latencyMs: 0 });
    vi.spyOn(bridge().app, 'snapshot').mockRejectedValue(
      new Error('app:snapshot failed: main not answering'),
    );
    const store = new DashboardStore(bridge());
    void store.start();
    render(<Root store={store} bridge={bridge()} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The dashboard could not load: main not answering',
    );
  });
});
