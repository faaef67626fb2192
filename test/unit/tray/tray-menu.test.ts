import { describe, expect, it } from 'vitest';
import {
  localTomorrowMorning,
  pauseMenu,
  pauseUntil,
  sameMenu,
  TRAY_COMMANDS,
} from '../../../main/tray/tray-menu';

const NOW = Date.UTC(2026, 2, 5, 22, 45);
const MINUTE = 60_000;

describe('pauseUntil', () => {
  it('pauses for 30 minutes or an hour from now', () => {
    expect(pauseUntil('pause-30m', NOW)).toBe(NOW + 30 * MINUTE);
    expect(pauseUntil('pause-1h', NOW)).toBe(NOW + 60 * MINUTE);
  });

  it('pauses until tomorrow morning, and resume clears the pause', () => {
    expect(pauseUntil('pause-tomorrow', NOW, () => 42)).toBe(42);
    expect(pauseUntil('resume', NOW)).toBeNull();
  });

  it('takes tomorrow morning as 08:00 local time on the next day', () => {
    const until = new Date(localTomorrowMorning(NOW));
    const today = new Date(NOW);
    const nextDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    expect([until.getFullYear(), until.getMonth(), until.getDate()]).toEqual([
      nextDay.getFullYear(),
      nextDay.getMonth(),
      nextDay.getDate(),
    ]);
    expect([until.getHours(), until.getMinutes(), until.getSeconds()]).toEqual([8, 0, 0]);
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
