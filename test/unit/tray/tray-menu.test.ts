import { describe, expect, it } from 'vitest';
import { trayTexts } from '../../../main/tray/texts';
import {
  findMenuItem,
  localNextMorning,
  pauseMenu,
  pauseUntil,
  sameMenu,
  TRAY_COMMANDS,
  type TrayMenuItem,
} from '../../../main/tray/tray-menu';

const NOW = Date.UTC(2026, 2, 5, 22, 45);
const MINUTE = 60_000;

describe('pauseUntil', () => {
  it('pauses for 30 minutes or an hour from now', () => {
    expect(pauseUntil('pause-30m', NOW)).toBe(NOW + 30 * MINUTE);
    expect(pauseUntil('pause-1h', NOW)).toBe(NOW + 60 * MINUTE);
  });

  it('pauses until the next morning, and resume clears the pause', () => {
    const morning = { until: 42, today: false, changesAt: 7 };
    expect(pauseUntil('pause-tomorrow', NOW, () => morning)).toBe(42);
    expect(pauseUntil('resume', NOW)).toBeNull();
  });
});

describe('the next morning (08:00 local time)', () => {
  /** Epoch ms of a local wall-clock time, whatever the machine's zone. */
  const local = (day: number, hours: number, minutes = 0) =>
    new Date(2026, 2, day, hours, minutes).getTime();

  it('is tomorrow’s when chosen in the evening', () => {
    expect(localNextMorning(local(5, 22, 45))).toEqual({
      until: local(6, 8),
      today: false,
      changesAt: local(6, 0),
    });
  });

  it('is today’s when chosen after midnight, not 30 hours away', () => {
    expect(localNextMorning(local(6, 1, 30))).toEqual({
      until: local(6, 8),
      today: true,
      changesAt: local(6, 8),
    });
    expect(pauseUntil('pause-tomorrow', local(6, 1, 30))).toBe(local(6, 8));
    expect(localNextMorning(local(6, 0)).until).toBe(local(6, 8));
    expect(localNextMorning(local(6, 7, 59)).until).toBe(local(6, 8));
  });

  it('is tomorrow’s from 08:00 on', () => {
    expect(localNextMorning(local(6, 8))).toMatchObject({ until: local(7, 8), today: false });
    expect(localNextMorning(local(6, 12))).toMatchObject({ until: local(7, 8), today: false });
  });

  it('names the item by the day it ends', () => {
    const label = (menu: TrayMenuItem) => {
      const item = findMenuItem([menu], 'pause-tomorrow');
      return item?.type === 'normal' ? item.label : undefined;
    };
    expect(label(pauseMenu(null, trayTexts('en'), true))).toBe('Until 08:00');
    expect(label(pauseMenu(null, trayTexts('en'), false))).toBe('Until tomorrow 08:00');
    expect(label(pauseMenu(null, trayTexts('zh-CN'), true))).toBe('至今天 08:00');
    expect(label(pauseMenu(null, trayTexts('zh-CN'), false))).toBe('至明天 08:00');
  });
});

describe('menu model comparison', () => {
  it('is equal for equal content built separately', () => {
    expect(sameMenu([pauseMenu('15:00')], [pauseMenu('15:00')])).toBe(true);
  });

  it('sees a change deep in a submenu', () => {
    expect(sameMenu([pauseMenu('15:00')], [pauseMenu('15:30')])).toBe(false);
    expect(sameMenu([pauseMenu(null)], [pauseMenu('15:00')])).toBe(false);
  });

  it('sees added or removed items', () => {
    expect(sameMenu([pauseMenu(null)], [])).toBe(false);
  });

  it('knows every command', () => {
    expect(TRAY_COMMANDS).toContain('quit');
    expect(new Set(TRAY_COMMANDS).size).toBe(TRAY_COMMANDS.length);
  });
});
