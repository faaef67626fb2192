/** Numbers, money and times written for one locale, through Intl (formatters made once). */
export interface Formatters {
  locale: string;
  /** Whole numbers: 12,345. */
  count(n: number): string;
  /** Stakes and balances: two decimals, grouped. The currency is the exchange's own. */
  money(n: number): string;
  /**
   * An exchange price, given as a fraction of a dollar (0.455) or already in cents (45.5),
   * in cents with one decimal when it has one: 45.5¢ (as main's notifications write it).
   */
  price(n: number): string;
  /** Any other number: up to three decimals. */
  decimal(n: number): string;
  /** Decimal odds: two or three decimals (2.50, 3.125). */
  odds(n: number): string;
  /** A time of day with seconds (— for a time no Date can hold). */
  time(ms: number): string;
  /** A time of day, with the date when it is not today (— for a time no Date can hold). */
  when(ms: number, now: number): string;
  /** How long ago: "12 s ago", "3 min ago". */
  ago(ms: number, now: number): string;
}

/** `centsPattern` writes a number of cents, `{value}` standing for the number. */
export function createFormatters(locale: string, centsPattern = '{value}¢'): Formatters {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const cents = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const odds = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 3,
  });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  return {
    locale,
    count: (n) => count.format(n),
    money: (n) => money.format(n),
    price: (n) => centsPattern.replace('{value}', cents.format(Math.abs(n) < 1 ? n * 100 : n)),
    decimal: (n) => decimal.format(n),
    odds: (n) => odds.format(n),
    time: (ms) => (isValidTime(ms) ? time.format(ms) : UNKNOWN_TIME),
    when(ms, now) {
      if (!isValidTime(ms)) return UNKNOWN_TIME;
      return sameDay(ms, now) ? time.format(ms) : dateTime.format(ms);
    },
    ago(ms, now) {
      const seconds = Math.max(0, Math.round((now - ms) / 1000));
      if (seconds < 60) return relative.format(-seconds, 'second');
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return relative.format(-minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (hours < 48) return relative.format(-hours, 'hour');
      return relative.format(-Math.round(hours / 24), 'day');
    },
  };
}

/** Written for a time outside a Date's range (±8.64e15 ms), where Intl would throw. */
export const UNKNOWN_TIME = '—';

function isValidTime(ms: number): boolean {
  return !Number.isNaN(new Date(ms).getTime());
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return (
    x.getFullYear() === y.getFullYear() &&
    x.getMonth() === y.getMonth() &&
    x.getDate() === y.getDate()
  );
}
