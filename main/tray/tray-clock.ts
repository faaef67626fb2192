/** Clock times for the tray: 14:05, or Mar 5 14:05 when more than 12 hours away. */
export type TrayClock = (at: number, now: number) => string;

/** Beyond this distance from now a time carries its date (so the text changes then). */
export const DATED_AFTER_MS = 12 * 60 * 60 * 1000;

/** en-US, 24-hour, in the given IANA zone (default: the system's), so tests can pin it. */
export function trayClock(timeZone?: string): TrayClock {
  const zone = timeZone ? { timeZone } : {};
  const time = new Intl.DateTimeFormat('en-US', {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dated = new Intl.DateTimeFormat('en-US', {
    ...zone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (at, now) => {
    if (!Number.isFinite(at)) return '?';
    return Math.abs(now - at) < DATED_AFTER_MS ? time.format(at) : dated.format(at);
  };
}
