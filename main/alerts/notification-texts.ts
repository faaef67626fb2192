import type {
  NotificationIntent,
  NotificationKind,
  NotificationTarget,
} from '../../common/domain/notifications';
import type { Language } from '../../common/i18n/language';
import type {
  EmergencyClearedEffect,
  EmergencyEffect,
  FillEffect,
  HedgeDeclinedEffect,
  HedgePlacedEffect,
} from '../store/effects';
import type { OrderRecord } from '../store/records';
import type { BurstSummary, Notice } from './coalescer';
import type { ConnectionAlert } from './connection-watch';
import { type ClockFormat, formatDuration, redactSecrets } from './format';
import type { NewlyMissingHedge } from './hedge-watch';
import { type AlertTexts, alertTexts } from './texts';

/** Money at risk or a blind feed: shown urgently. */
const URGENT_KINDS: ReadonlySet<NotificationKind> = new Set([
  'emergency',
  'hedge-declined',
  'hedge-missing',
  'connection-lost',
  'auth-failed',
]);

export interface TextContext {
  /** The catalog texts are written from; the clock must be in its locale. */
  language: Language;
  clock: ClockFormat;
  hedgeGraceMs: number;
}

function intent(
  kind: NotificationKind,
  title: string,
  body: string,
  count: number,
  target: NotificationTarget,
  at: number,
): NotificationIntent {
  return {
    kind,
    title: redactSecrets(title),
    body: redactSecrets(body),
    count,
    target,
    urgent: URGENT_KINDS.has(kind),
    at,
  };
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function parts(...items: (string | null | false)[]): string {
  return items.filter((s): s is string => typeof s === 'string' && s !== '').join(' · ');
}

function duration(t: AlertTexts, ms: number): string {
  return formatDuration(ms, t.durationUnits);
}

function orderTarget(orderId: string | null): NotificationTarget {
  return orderId ? { view: 'order', orderId } : { view: 'feed' };
}

/** "fill 100.00 @ 45¢ on polymarket" for the order a hedge is for, from what is known. */
function describeOrderFill(t: AlertTexts, order: OrderRecord | undefined): string | null {
  if (!order) return null;
  const matched = num(order.matchedStake);
  const price = num(order.orderCents);
  if (matched === null) return null;
  return t.hedgedFill({
    stake: t.numbers.stake(matched),
    price: price !== null ? t.numbers.cents(price) : null,
    venue: text(order.exchange),
  });
}

function fixture(t: AlertTexts, fixtureId: unknown): string | null {
  const id = text(fixtureId);
  return id && t.fixture(id);
}

export function fillNotice(effect: FillEffect, ctx: TextContext): Notice {
  const { order, matchedDelta, matchedStake, partial } = effect;
  const orderId = text(order.orderId);
  const exchange = text(order.exchange);
  return {
    kind: 'fill',
    count: 1,
    stake: matchedDelta,
    venue: exchange,
    orderId,
    render: (at) => {
      const t = alertTexts(ctx.language);
      const price = num(order.orderCents);
      const ordered = num(order.orderStake);
      const title = t.fillTitle(partial, {
        stake: t.numbers.stake(matchedDelta),
        price: price !== null ? t.numbers.cents(price) : null,
        venue: exchange,
      });
      const body = parts(
        orderId && t.order(orderId, text(order.side)),
        ordered !== null
          ? t.matchedOf(t.numbers.stake(matchedStake), t.numbers.stake(ordered))
          : t.matchedInTotal(t.numbers.stake(matchedStake)),
        fixture(t, order.fixtureId),
      );
      return intent('fill', title, body, 1, orderTarget(orderId), at);
    },
  };
}

/** "250.00 @ 2.423" for a hedge bet, from what is known. Formats, so only for render(). */
function describeBetPrice(
  t: AlertTexts,
  effect: HedgePlacedEffect | HedgeDeclinedEffect,
): { stake: string; price: string | null } {
  const stake = num(effect.bet.placedStake);
  const price = num(effect.bet.placedPrice);
  return {
    stake: stake !== null ? t.numbers.stake(stake) : t.stakeUnknown,
    price: price !== null ? t.numbers.odds(price) : null,
  };
}

function hedgeTarget(betId: string, orderId: string | null): NotificationTarget {
  return orderId ? { view: 'hedge', betId, orderId } : { view: 'hedge', betId };
}

/** A notice about one hedge bet: its bookmaker is the venue, its order the one it hedges. */
function betNotice(
  kind: 'hedge' | 'hedge-declined',
  effect: HedgePlacedEffect | HedgeDeclinedEffect,
  ctx: TextContext,
  render: (
    t: AlertTexts,
    bookmaker: string | null,
    orderId: string | null,
    at: number,
  ) => NotificationIntent,
): Notice {
  const bookmaker = text(effect.bet.bookmaker);
  const orderId = text(effect.bet.orderId);
  return {
    kind,
    count: 1,
    stake: num(effect.bet.placedStake) ?? 0,
    venue: bookmaker,
    orderId,
    render: (at) => render(alertTexts(ctx.language), bookmaker, orderId, at),
  };
}

export function hedgeNotice(effect: HedgePlacedEffect, ctx: TextContext): Notice {
  return betNotice('hedge', effect, ctx, (t, bookmaker, orderId, at) => {
    const pending = text(effect.bet.betStatus)?.toLowerCase() === 'pending';
    const title = t.hedgeTitle(pending, { ...describeBetPrice(t, effect), venue: bookmaker });
    const body = parts(
      orderId && t.forOrder(orderId),
      describeOrderFill(t, effect.order),
      fixture(t, effect.order?.fixtureId),
    );
    return intent(
      'hedge',
      title,
      body || t.hedgeBet,
      1,
      hedgeTarget(effect.bet.betId, orderId),
      at,
    );
  });
}

export function hedgeDeclinedNotice(effect: HedgeDeclinedEffect, ctx: TextContext): Notice {
  return betNotice('hedge-declined', effect, ctx, (t, bookmaker, orderId, at) => {
    const { stake, price } = describeBetPrice(t, effect);
    const body = parts(
      t.declinedBet(`${stake}${price !== null ? ` @ ${price}` : ''}`, orderId),
      describeOrderFill(t, effect.order),
      fixture(t, effect.order?.fixtureId),
      effect.replaced ? t.orderStillHedged : t.fillNotHedged,
    );
    return intent(
      'hedge-declined',
      t.hedgeDeclinedTitle(bookmaker),
      body,
      1,
      hedgeTarget(effect.bet.betId, orderId),
      at,
    );
  });
}

export function hedgeMissingNotice(missing: NewlyMissingHedge, ctx: TextContext): Notice {
  return {
    kind: 'hedge-missing',
    count: missing.newFills,
    stake: missing.newStake,
    venue: missing.exchange,
    orderId: missing.orderId,
    render: (at) => {
      const t = alertTexts(ctx.language);
      const body = parts(
        t.missingFill(
          t.numbers.stake(missing.newStake),
          missing.exchange,
          ctx.clock(missing.since, at),
          duration(t, ctx.hedgeGraceMs),
        ),
        missing.fills > missing.newFills &&
          t.unhedgedOnOrder(
            t.numbers.stake(missing.stake),
            missing.fills,
            t.numbers.count(missing.fills),
          ),
        missing.fixtureId && t.fixture(missing.fixtureId),
      );
      return intent(
        'hedge-missing',
        t.missingTitle(missing.orderId),
        body,
        missing.newFills,
        orderTarget(missing.orderId),
        at,
      );
    },
  };
}

function ago(t: AlertTexts, since: number, at: number): string {
  return at - since >= 1_000 ? t.ago(duration(t, at - since)) : '';
}

export function emergencyIntent(effect: EmergencyEffect, ctx: TextContext, at: number) {
  const t = alertTexts(ctx.language);
  const body = parts(
    t.reason(effect.reason ?? t.reasonNotGiven),
    t.emergencySince(ctx.clock(effect.since, at), ago(t, effect.since, at)),
  );
  return intent('emergency', t.emergencyTitle, body, 1, { view: 'emergency' }, at);
}

export function emergencyClearedIntent(
  effect: EmergencyClearedEffect,
  ctx: TextContext,
  at: number,
) {
  const t = alertTexts(ctx.language);
  const lasted =
    effect.activeSince !== null && effect.since >= effect.activeSince
      ? duration(t, effect.since - effect.activeSince)
      : null;
  const body = parts(
    t.emergencyEnded(ctx.clock(effect.since, at), lasted),
    effect.activeSince !== null && t.activeSince(ctx.clock(effect.activeSince, at)),
    effect.reason && t.reason(effect.reason),
  );
  return intent('emergency-cleared', t.emergencyClearedTitle, body, 1, { view: 'emergency' }, at);
}

function connectionIntent(alert: ConnectionAlert, ctx: TextContext, at: number) {
  const t = alertTexts(ctx.language);
  const target: NotificationTarget = { view: 'connection' };
  switch (alert.kind) {
    case 'connection-lost': {
      const since = ctx.clock(alert.since, at);
      const reason = alert.reason && t.reason(alert.reason);
      return alert.wasLive
        ? intent(
            'connection-lost',
            t.connectionLostTitle,
            parts(t.noLiveUpdatesSince(since, ago(t, alert.since, at)), reason, t.gapNotReplayed),
            1,
            target,
            at,
          )
        : intent(
            'connection-lost',
            t.notConnectedTitle,
            parts(t.tryingSince(since, ago(t, alert.since, at)), reason),
            1,
            target,
            at,
          );
    }
    case 'connection-restored':
      return intent(
        'connection-restored',
        t.connectionRestoredTitle,
        parts(
          t.liveAgain(duration(t, at - alert.downSince), ctx.clock(alert.downSince, at)),
          t.missedMeanwhile,
        ),
        1,
        target,
        at,
      );
    case 'auth-failed':
      return intent(
        'auth-failed',
        t.authFailedTitle,
        parts(alert.reason ?? t.keyRefused, t.checkKey),
        1,
        { view: 'settings' },
        at,
      );
  }
}

export function connectionNotice(alert: ConnectionAlert, ctx: TextContext): Notice {
  return {
    kind: alert.kind,
    count: 1,
    stake: 0,
    venue: null,
    orderId: null,
    render: (at) => connectionIntent(alert, ctx, at),
  };
}

/** "12 more fills" / "3,450.00 matched on polymarket, kalshi". */
export function summaryIntent(
  summary: BurstSummary,
  ctx: TextContext,
  at: number,
): NotificationIntent {
  const t = alertTexts(ctx.language);
  const title = t.summaryTitle(summary.kind, summary.count, t.numbers.count(summary.count));
  const venues = summary.venues.length > 0 ? t.listNames(summary.venues, summary.venueCount) : null;
  const orders =
    summary.orderIds.length > 0
      ? t.summaryOrders(summary.orderCount, t.listNames(summary.orderIds, summary.orderCount))
      : null;
  const stake = t.numbers.stake(summary.stake);
  let body: string;
  switch (summary.kind) {
    case 'fill':
      body = parts(t.summaryFills(stake, venues), orders);
      break;
    case 'hedge':
      body = parts(t.summaryHedges(stake, venues), orders);
      break;
    case 'hedge-declined':
      body = parts(t.summaryDeclined(stake, venues), orders, t.fillsMayBeUnhedged);
      break;
    case 'hedge-missing':
      body = parts(t.summaryMissing(stake, venues), orders);
      break;
    default:
      body = t.seeApp;
  }
  const target: NotificationTarget =
    summary.kind === 'auth-failed'
      ? { view: 'settings' }
      : summary.kind.startsWith('connection')
        ? { view: 'connection' }
        : { view: 'feed' };
  return intent(summary.kind, title, body, summary.count, target, at);
}
