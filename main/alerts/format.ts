export { redactSecrets } from '../../common/redact';

/**
 * Number and time formatting for notification texts, in a fixed locale per language (en-US
 * for English) so output is the same everywhere.
 */

/** The locales texts are formatted in: one per catalog. */
export type TextLocale = 'en-US' | 'zh-CN';

export interface NumberFormats {
  /** A stake: 3,450.00 */
  stake(value: number): string;
  /** An exchange price given as a fraction of a dollar (0.45) or already in cents (45): 45¢ */
  cents(value: number): string;
  /** Bookmaker decimal odds: 1.808 */
  odds(value: number): string;
  count(value: number): string;
}

export function numberFormats(locale: TextLocale): NumberFormats {
  const money = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const cents = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const odds = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    stake: (value) => money.format(value),
    cents: (value) => `${cents.format(Math.abs(value) < 1 ? value * 100 : value)}¢`,
    odds: (value) => odds.format(value),
    count: (value) => whole.format(value),
  };
}

const EN_US = numberFormats('en-US');

/** A stake: 3,450.00 */
export function formatStake(value: number): string {
  return EN_US.stake(value);
}

/** An exchange price given as a fraction of a dollar (0.45) or already in cents (45): 45¢ */
export function formatCents(value: number): string {
  return EN_US.cents(value);
}

/** Bookmaker decimal odds: 1.808 */
export function formatOdds(value: number): string {
  return EN_US.odds(value);
}

export function formatCount(value: number): string {
  return EN_US.count(value);
}

/** The words of a duration, each written after its number. */
export interface DurationUnits {
  s: string;
  min: string;
  h: string;
  d: string;
}

const EN_UNITS: DurationUnits = { s: 's', min: 'min', h: 'h', d: 'd' };

/** A stretch of time for a person: 45 s, 2 min 5 s, 3 h 12 min, 2 d 4 h. */
export function formatDuration(ms: number, units: DurationUnits = EN_UNITS): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} ${units.s}`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} ${units.min}` : `${m} ${units.min} ${s % 60} ${units.s}`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h} ${units.h}` : `${h} ${units.h} ${m % 60} ${units.min}`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} ${units.d}` : `${d} ${units.d} ${h % 24} ${units.h}`;
}

export type ClockFormat = (at: number, now: number) => string;

/** Beyond this distance from now a time carries its date. */
export const DATED_AFTER_MS = 12 * 60 * 60 * 1000;

/**
 * Wall-clock times (14:05:09, or Mar 5, 14:05:09 when not recent), en-US (or the given
 * locale) and 24-hour, in the given zone (default: the system's, so tests can pin it).
 */
export function clockFormat(
  timeZone?: string,
  options: { seconds?: boolean; unknown?: string; locale?: TextLocale } = {},
): ClockFormat {
  const zone = timeZone ? { timeZone } : {};
  const seconds = options.seconds === false ? {} : { second: '2-digit' as const };
  const parts = {
    ...zone,
    hour: '2-digit',
    minute: '2-digit',
    ...seconds,
    hourCycle: 'h23',
  } as const;
  const locale = options.locale ?? 'en-US';
  const time = new Intl.DateTimeFormat(locale, parts);
  const dated = new Intl.DateTimeFormat(locale, { ...parts, month: 'short', day: 'numeric' });
  const unknown = options.unknown ?? 'an unknown time';
  return (at, now) => {
    // Beyond a Date's range (±8.64e15 ms) Intl throws: such a time is not a time.
    if (Number.isNaN(new Date(at).getTime())) return unknown;
    return Math.abs(now - at) < DATED_AFTER_MS ? time.format(at) : dated.format(at);
  };
}

/** Joins names for a summary: "polymarket, kalshi and 3 more". */
export function listNames(names: readonly string[], total: number, max = 3): string {
  const shown = names.slice(0, max);
  const more = total - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
