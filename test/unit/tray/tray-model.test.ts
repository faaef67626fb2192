import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECTION_STATES } from '../../../common/domain/connection';
import { trayClock } from '../../../main/tray/tray-clock';
import { findMenuItem, type TrayMenuItem } from '../../../main/tray/tray-menu';
import {
  trayIcon,
  trayMenu,
  trayRefreshAt,
  trayTitle,
  trayTooltip,
  trayView,
} from '../../../main/tray/tray-model';
import { TOOLTIP_MAX } from '../../../main/tray/tray-text';
import { MINUTE, NEXT_MORNING_AT_NOW, NOW, status, trayInput } from './tray-fixtures';

const clock = trayClock('UTC');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function ids(items: readonly TrayMenuItem[]): string[] {
  return items.map((item) => item.id);
}

function item(items: readonly TrayMenuItem[], id: string): TrayMenuItem {
  const found = findMenuItem(items, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function label(items: readonly TrayMenuItem[], id: string): string {
  const found = item(items, id);
  return found.type === 'separator' ? '' : found.label;
}

describe('tray icon', () => {
  it.each(CONNECTION_STATES)('shows the %s state as its own icon', (state) => {
    expect(trayIcon(trayInput({ status: status({ state }) }))).toEqual({
      name: state,
      demo: false,
    });
  });

  it.each(CONNECTION_STATES)('shows the emergency icon over the %s state', (state) => {
    const input = trayInput({ status: status({ state, emergency: true }) });
    expect(trayIcon(input).name).toBe('emergency');
  });

  it('shows the emergency icon even when no key is set', () => {
    const input = trayInput({ keySet: false, status: status({ emergency: true }) });
    expect(trayIcon(input).name).toBe('emergency');
  });

  it('shows stopped when no key is set, whatever the connection says', () => {
    expect(trayIcon(trayInput({ keySet: false, status: status({ state: 'connecting' }) }))).toEqual(
      { name: 'stopped', demo: false },
    );
  });

  it('marks the icon DEMO in demo mode, which needs no key', () => {
    expect(trayIcon(trayInput({ demo: true, keySet: false }))).toEqual({
      name: 'live',
      demo: true,
    });
  });
});

describe('tray tooltip', () => {
  it('says the state, since when, today’s fills and hedges and the last event', () => {
    expect(trayTooltip(trayInput(), NOW, clock)).toBe(
      [
        'MM Tray: Live since 14:05',
        'Today: 12 fills, 11 hedges',
        'Last: 14:29 order polymarket matched',
      ].join('\n'),
    );
  });

  it('leads with the emergency and its reason, then the feed', () => {
    const input = trayInput({
      status: status({
        emergency: true,
        emergencyReason: 'Risk limit exceeded',
        emergencySince: Date.UTC(2026, 2, 5, 14, 20),
      }),
    });
    expect(trayTooltip(input, NOW, clock).split('\n').slice(0, 3)).toEqual([
      'MM Tray: EMERGENCY since 14:20',
      'Risk limit exceeded',
      'Feed: Live since 14:05',
    ]);
  });

  it('marks DEMO in the first line', () => {
    expect(trayTooltip(trayInput({ demo: true }), NOW, clock)).toMatch(/^MM Tray DEMO: Live/);
  });

  it('says when no key is set', () => {
    expect(trayTooltip(trayInput({ keySet: false }), NOW, clock)).toMatch(/^MM Tray: No API key\n/);
  });

  it('counts fills missing a hedge and singular counts', () => {
    const input = trayInput({ counters: { fills: 1, hedgesPlaced: 0 }, fillsMissingHedge: 1 });
    expect(trayTooltip(input, NOW, clock)).toContain('Today: 1 fill, 0 hedges, 1 unhedged');
  });

  it('gives the reconnect attempt and the reason a key was refused', () => {
    const reconnecting = trayInput({ status: status({ state: 'reconnecting', attempt: 3 }) });
    expect(trayTooltip(reconnecting, NOW, clock)).toMatch(
      /^MM Tray: Reconnecting since 14:05 \(attempt 3\)/,
    );
    const refused = trayInput({
      status: status({ state: 'auth-failed', reason: 'The server refused the key (4001)' }),
    });
    expect(trayTooltip(refused, NOW, clock).split('\n').slice(0, 2)).toEqual([
      'MM Tray: API key refused since 14:05',
      'The server refused the key (4001)',
    ]);
  });

  it('says until when notifications are paused', () => {
    const input = trayInput({ lastEvent: null, quietUntil: NOW + 30 * MINUTE });
    expect(trayTooltip(input, NOW, clock)).toContain('Notifications paused until 15:00');
  });

  it('dates times more than 12 hours away', () => {
    const input = trayInput({ status: status({ since: NOW - 13 * 60 * MINUTE }) });
    expect(trayTooltip(input, NOW, clock)).toMatch(/^MM Tray: Live since Mar 5, 01:30\n/);
  });

  it('never shows a UUID-shaped secret from the server', () => {
    const input = trayInput({
      status: status({
        emergency: true,
        emergencyReason: 'key 3f1c2a44-9b7e-4d7a-8c55-0123456789ab blocked',
      }),
    });
    const text = trayTooltip(input, NOW, clock);
    expect(text).not.toContain('3f1c2a44');
    expect(text).toContain('[redacted]');
  });

  it('keeps the emergency when long texts must give way, within 127 characters', () => {
    const input = trayInput({
      demo: true,
      fillsMissingHedge: 12_345,
      counters: { fills: 123_456, hedgesPlaced: 123_000 },
      quietUntil: NOW + MINUTE,
      status: status({
        state: 'reconnecting',
        attempt: 42,
        emergency: true,
        emergencySince: NOW,
        emergencyReason: 'x'.repeat(500),
      }),
      lastEvent: { at: NOW, summary: 'y'.repeat(500) },
    });
    const text = trayTooltip(input, NOW, clock);
    expect(text.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(text.startsWith('MM Tray DEMO: EMERGENCY since 14:30\nxxx')).toBe(true);
    expect(text).toContain('Feed: Reconnecting since 14:05 (attempt 42)');
  });

  it('stays within 127 UTF-16 units and never splits a character, whatever the texts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.boolean(),
        (reason, summary, emergency) => {
          const input = trayInput({
            demo: true,
            status: status({ emergency, emergencyReason: reason, reason, state: 'auth-failed' }),
            lastEvent: { at: NOW, summary },
          });
          const text = trayTooltip(input, NOW, clock);
          expect(text.length).toBeLessThanOrEqual(TOOLTIP_MAX);
          expect(text).not.toMatch(LONE_SURROGATE);
        },
      ),
    );
  });
});

describe('tray title (macOS)', () => {
  it('is empty when all is well', () => {
    expect(trayTitle(trayInput())).toBe('');
  });

  it('shows the count of fills missing a hedge, capped', () => {
    expect(trayTitle(trayInput({ fillsMissingHedge: 3 }))).toBe('3');
    expect(trayTitle(trayInput({ fillsMissingHedge: 250 }))).toBe('99+');
  });

  it('says DEMO in demo mode', () => {
    expect(trayTitle(trayInput({ demo: true }))).toBe('DEMO');
    expect(trayTitle(trayInput({ demo: true, fillsMissingHedge: 2 }))).toBe('DEMO 2');
  });
});

describe('tray menu', () => {
  it('has a status line, the commands and Quit, in order', () => {
    const menu = trayMenu(trayInput(), NOW, clock);
    expect(ids(menu)).toEqual([
      'status',
      'separator-status',
      'open-dashboard',
      'pause',
      'reconnect',
      'separator-app',
      'settings',
      'open-logs',
      'separator-quit',
      'quit',
    ]);
    expect(item(menu, 'status')).toEqual({
      type: 'normal',
      id: 'status',
      label: 'Live since 14:05',
      enabled: false,
    });
    expect(label(menu, 'quit')).toBe('Quit MM Tray');
  });

  it('offers 30 minutes, 1 hour and until tomorrow, and no resume, when not paused', () => {
    const menu = trayMenu(trayInput(), NOW, clock, NEXT_MORNING_AT_NOW);
    const pause = item(menu, 'pause');
    expect(pause.type === 'submenu' && ids(pause.submenu)).toEqual([
      'quiet-state',
      'separator-pause',
      'pause-30m',
      'pause-1h',
      'pause-tomorrow',
      'separator-resume',
      'resume',
    ]);
    expect(label(menu, 'pause')).toBe('Pause notifications');
    expect(label(menu, 'quiet-state')).toBe('Notifications are on');
    expect(label(menu, 'pause-tomorrow')).toBe('Until tomorrow 08:00');
    expect(item(menu, 'resume')).toMatchObject({ enabled: false });
  });

  it('shows the quiet state and enables resume while paused', () => {
    const menu = trayMenu(trayInput({ quietUntil: NOW + 60 * MINUTE }), NOW, clock);
    expect(label(menu, 'pause')).toBe('Notifications paused until 15:30');
    expect(label(menu, 'quiet-state')).toBe('Paused until 15:30 (emergencies still shown)');
    expect(item(menu, 'resume')).toMatchObject({ enabled: true });
  });

  it('treats a pause that has ended as no pause', () => {
    const menu = trayMenu(trayInput({ quietUntil: NOW - 1 }), NOW, clock);
    expect(label(menu, 'pause')).toBe('Pause notifications');
    expect(item(menu, 'resume')).toMatchObject({ enabled: false });
  });

  it('shows the emergency and the feed state as two status lines', () => {
    const input = trayInput({
      status: status({ emergency: true, emergencyReason: 'Manual stop', state: 'reconnecting' }),
    });
    const menu = trayMenu(input, NOW, clock);
    expect(ids(menu).slice(0, 2)).toEqual(['status', 'status-feed']);
    expect(label(menu, 'status')).toBe('EMERGENCY: Manual stop');
    expect(label(menu, 'status-feed')).toBe('Feed: Reconnecting since 14:05');
  });

  it('lists fills missing a hedge under the status', () => {
    const menu = trayMenu(trayInput({ fillsMissingHedge: 2 }), NOW, clock);
    expect(item(menu, 'missing-hedges')).toEqual({
      type: 'normal',
      id: 'missing-hedges',
      label: '2 fills without a hedge',
      enabled: false,
    });
  });

  it('asks for a key and disables reconnect when none is set', () => {
    const menu = trayMenu(trayInput({ keySet: false }), NOW, clock);
    expect(label(menu, 'status')).toBe('No API key: add one in Settings');
    expect(item(menu, 'reconnect')).toMatchObject({ enabled: false });
  });

  it('says the keychain could not be read, and lets Reconnect now read it again', () => {
    const input = trayInput({ keySet: false, keychainReadPending: true });
    const menu = trayMenu(input, NOW, clock);
    expect(label(menu, 'status')).toBe('Keychain unavailable: API key not read yet');
    expect(item(menu, 'reconnect')).toMatchObject({ enabled: true });
    expect(trayTooltip(input, NOW, clock)).toMatch(
      /^MM Tray: Keychain unavailable: API key not read yet\n/,
    );
    expect(trayIcon(input).name).toBe('stopped');
  });

  it('offers the morning pause as ending today when it is not 08:00 yet', () => {
    const morning = { until: NOW + 60 * MINUTE, today: true, changesAt: NOW + 60 * MINUTE };
    expect(label(trayMenu(trayInput(), NOW, clock, morning), 'pause-tomorrow')).toBe('Until 08:00');
  });

  it('marks DEMO on the status line and lets the demo reconnect', () => {
    const menu = trayMenu(trayInput({ demo: true, keySet: false }), NOW, clock);
    expect(label(menu, 'status')).toBe('DEMO · Live since 14:05');
    expect(item(menu, 'reconnect')).toMatchObject({ enabled: true });
  });

  it('does not change with every event (counters and last event are not in it)', () => {
    const before = trayMenu(trayInput(), NOW, clock);
    const after = trayMenu(
      trayInput({
        counters: { fills: 99, hedgesPlaced: 98 },
        lastEvent: { at: NOW, summary: 'x' },
      }),
      NOW + 1000,
      clock,
    );
    expect(after).toEqual(before);
  });
});

describe('tray refresh time', () => {
  it('is when quiet mode ends, if that comes first', () => {
    const input = trayInput({ quietUntil: NOW + 10 * MINUTE });
    expect(trayRefreshAt(input, NOW)).toBe(NOW + 10 * MINUTE);
  });

  it('is when a shown time needs its date', () => {
    const input = trayInput({ lastEvent: null });
    expect(trayRefreshAt(input, NOW)).toBe(input.status.since + 12 * 60 * MINUTE);
  });

  it('is when the morning pause’s label turns, if that comes first', () => {
    const input = trayInput({ lastEvent: null, status: status({ since: NOW - 24 * 60 * MINUTE }) });
    expect(trayRefreshAt(input, NOW, NEXT_MORNING_AT_NOW)).toBe(NEXT_MORNING_AT_NOW.changesAt);
    expect(trayView(input, NOW, clock, NEXT_MORNING_AT_NOW).refreshAt).toBe(
      NEXT_MORNING_AT_NOW.changesAt,
    );
  });

  it('is null when nothing will change by itself', () => {
    const old = NOW - 24 * 60 * MINUTE;
    const input = trayInput({ lastEvent: null, status: status({ since: old }) });
    expect(trayRefreshAt(input, NOW)).toBeNull();
  });
});

describe('tray view', () => {
  it('puts icon, tooltip, title and menu together', () => {
    const input = trayInput({ fillsMissingHedge: 1 });
    const view = trayView(input, NOW, clock);
    expect(view.icon).toEqual({ name: 'live', demo: false });
    expect(view.tooltip).toBe(trayTooltip(input, NOW, clock));
    expect(view.title).toBe('1');
    expect(view.menu).toEqual(trayMenu(input, NOW, clock));
  });
});
