import type { FeedEvent } from '../../../../common/domain/events';
import { parseTimestamp } from '../../../../common/timestamps';
import { betStatusLabel } from '../../i18n/bet-status';
import type { Formatters } from '../../i18n/formatters';
import { orderStatusLabel } from '../../i18n/order-status';
import type { Translator } from '../../i18n/translator';
import { accountKey } from '../../store/record-keys';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * What an UPDATE changed: each field in `old`, from its old value to the new one. Times
 * (updatedAt, matchedAt...) come last: they change with everything and say least.
 */
export function changesOf(event: FeedEvent): FieldChange[] {
  const old = event.old;
  if (event.event !== 'UPDATE' || !old) return [];
  const fields = Object.keys(old);
  const ordered = [
    ...fields.filter((field) => !isTimeField(field)),
    ...fields.filter((field) => isTimeField(field)),
  ];
  return ordered.map((field) => ({ field, from: old[field], to: event.payload[field] }));
}

function isTimeField(field: string): boolean {
  return /At$/.test(field);
}

const MONEY_FIELDS = new Set([
  'balance',
  'orderStake',
  'matchedStake',
  'placedStake',
  'maxOutcomeStake',
]);
const PRICE_FIELDS = new Set(['orderCents']);
const ODDS_FIELDS = new Set(['bookmakerOutcomePrice', 'placedPrice']);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The item an event is about, as a person names it: "Order 100123". */
export function subjectOf(event: FeedEvent, t: Translator['t']): string {
  switch (event.channel) {
    case 'orders':
      return t('feed.subject.order', { id: event.record.orderId });
    case 'bets':
      return t('feed.subject.bet', { id: event.record.betId });
    case 'accounts':
      return accountKey(event.record);
    case 'scores':
      return t('feed.subject.fixture', { id: event.record.fixtureId });
    case 'emergency':
      return t('feed.subject.emergency');
  }
}

const MAX_VALUE_CHARS = 40;

/**
 * A field's value, short: numbers for the locale, times of day, objects as compact JSON,
 * null as a dash. `exact` keeps strings and objects whole (the detail view).
 */
export function formatValue(value: unknown, fmt: Formatters, exact = false, field = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (MONEY_FIELDS.has(field)) return fmt.money(value);
    if (PRICE_FIELDS.has(field)) return fmt.price(value);
    if (ODDS_FIELDS.has(field)) return fmt.odds(value);
    return fmt.decimal(value);
  }
  if (exact) return typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) {
      const ms = parseTimestamp(value);
      if (ms !== undefined) return fmt.time(ms);
    }
    return clip(value);
  }
  if (typeof value === 'boolean') return String(value);
  return clip(JSON.stringify(value));
}

/**
 * A changed value as the Details column shows it: statuses in the words the Orders and
 * Hedges views use, the rest as `formatValue` writes it.
 */
export function changedValueText(
  value: unknown,
  field: string,
  t: Translator['t'],
  fmt: Formatters,
): string {
  if (field === 'orderStatus') return orderStatusLabel(t, value);
  if (field === 'betStatus') return betStatusLabel(t, value);
  return formatValue(value, fmt, false, field);
}

function clip(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** One line about an event that has no `old` to compare (an INSERT, or a whole-record UPDATE). */
export function summaryOf(event: FeedEvent, t: Translator['t'], fmt: Formatters): string {
  const parts: string[] = [];
  const add = (part: string | undefined | null | false) => {
    if (part) parts.push(part);
  };
  switch (event.channel) {
    case 'orders': {
      const r = event.record;
      add(r.orderStatus && orderStatusLabel(t, r.orderStatus));
      add(r.exchange);
      const stake = num(r.orderStake);
      const cents = num(r.orderCents);
      if (stake !== undefined)
        add(`${fmt.money(stake)}${cents !== undefined ? ` @ ${fmt.price(cents)}` : ''}`);
      const odds = num(r.bookmakerOutcomePrice);
      if (odds !== undefined) add(`(${fmt.odds(odds)})`);
      if (r.fixtureId) add(t('feed.subject.fixture', { id: r.fixtureId }));
      break;
    }
    case 'bets': {
      const r = event.record;
      add(r.betStatus && betStatusLabel(t, r.betStatus));
      add(r.bookmaker);
      const stake = num(r.placedStake);
      const price = num(r.placedPrice);
      if (stake !== undefined)
        add(`${fmt.money(stake)}${price !== undefined ? ` @ ${fmt.odds(price)}` : ''}`);
      if (r.orderId) add(t('feed.forOrder', { id: r.orderId }));
      break;
    }
    case 'accounts': {
      const balance = num(event.record.balance);
      if (balance !== undefined) add(fmt.money(balance));
      if (event.record.active === false) add(t('feed.inactive'));
      break;
    }
    case 'scores': {
      const r = event.record;
      const home = num(r.scores?.home);
      const away = num(r.scores?.away);
      if (home !== undefined && away !== undefined) add(`${home}–${away}`);
      if (r.currentPeriod !== undefined && r.currentPeriod !== null) add(String(r.currentPeriod));
      const minute = num(r.currentMinute);
      if (minute !== undefined) add(t('scores.minute', { minute }));
      break;
    }
    case 'emergency':
      add(
        event.record.emergency
          ? t('feed.emergencyOn', { reason: event.record.reason || t('emergency.noReason') })
          : t('feed.emergencyOff'),
      );
      break;
  }
  return parts.join(' · ');
}

const searchTexts = new WeakMap<FeedEvent, string>();
const SEARCH_FIELDS = [
  'orderId',
  'betId',
  'fixtureId',
  'exchange',
  'account',
  'username',
  'bookmaker',
  'exchangeOrderId',
  'bookmakerBetId',
  'orderStatus',
  'betStatus',
  'reason',
] as const;

/** The text free-text search looks in (ids, fixture, exchange...), lower case, made once. */
export function searchTextOf(event: FeedEvent): string {
  let text = searchTexts.get(event);
  if (text === undefined) {
    const record = event.record as Record<string, unknown>;
    const parts: string[] = [];
    for (const field of SEARCH_FIELDS) {
      const value = record[field];
      if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    }
    text = parts.join(' ').toLowerCase();
    searchTexts.set(event, text);
  }
  return text;
}
