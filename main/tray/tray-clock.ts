import { type ClockFormat, clockFormat } from '../alerts/format';

export { DATED_AFTER_MS } from '../alerts/format';

/** Clock times for the tray: 14:05, or Mar 5, 14:05 when more than 12 hours away. */
export type TrayClock = ClockFormat;

export function trayClock(timeZone?: string): TrayClock {
  return clockFormat(timeZone, { seconds: false, unknown: '?' });
}
