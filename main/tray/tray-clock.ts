import { type ClockFormat, clockFormat, type TextLocale } from '../alerts/format';

export { DATED_AFTER_MS } from '../alerts/format';

/** Clock times for the tray: 14:05, or Mar 5, 14:05 (3月5日 14:05) when more than 12 hours away. */
export type TrayClock = ClockFormat;

export function trayClock(timeZone?: string, locale: TextLocale = 'en-US'): TrayClock {
  return clockFormat(timeZone, { seconds: false, unknown: '?', locale });
}
