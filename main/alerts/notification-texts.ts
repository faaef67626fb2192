import type {
  NotificationIntent,
  NotificationKind,
  NotificationTarget,
} from '../../common/domain/notifications';
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
import {
  type ClockFormat,
  formatCents,
  formatCount,
  formatDuration,
  formatOdds,
  formatStake,
  listNames,
  redactSecrets,
} from './format';
import type { NewlyMissingHedge } from './hedge-watch';

/** Money at risk or a blind feed: shown urgently. */
const URGENT_KINDS: ReadonlySet<NotificationKind> = new Set([
  'emergency',
  'hedge-declined',
  'hedge-missing',
  'connection-lost',
  'auth-failed',
]);

export interface TextContext {
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

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function orderTarget(orderId: string | null): NotificationTarget {
  return orderId ? { view: 'order', orderId } : { view: 'feed' };
}

/** "100.00 @ 45¢ on polymarket" for an order, from what is known. */
function describeOrderFill(order: OrderRecord | undefined): string | null {
  if (!order) return null;
  const matched = num(order.matchedStake);
  const price = num(order.orderCents);
  const exchange = text(order.exchange);
  if (matched === null) return null;
  return `${formatStake(matched)}${price !== null ? ` @ ${formatCents(price)}` : ''}${exchange ? ` on ${exchange}` : ''}`;
}

export function fillNotice(effect: FillEffect): Notice {
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
      const price = num(order.orderCents);
      const ordered = num(order.orderStake);
      const title = `${partial ? 'Partial fill' : 'Filled'} ${formatStake(matchedDelta)}${
        price !== null ? ` @ ${formatCents(price)}` : ''
      }${exchange ? ` on ${exchange}` : ''}`;
      const side = text(order.side);
      const body = parts(
        orderId && `Order ${orderId}${side ? ` (${side})` : ''}`,
        ordered !== null
          ? `${formatStake(matchedStake)} of ${formatStake(ordered)} matched`
          : `${formatStake(matchedStake)} matched in total`,
        text(order.fixtureId) && `fixture ${text(order.fixtureId)}`,
      );
      return intent('fill', title, body, 1, orderTarget(orderId), at);
    },
  };
}

/** "250.00 @ 2.423" for a hedge bet, from what is known. Formats, so only for render(). */
function describeBetPrice(effect: HedgePlacedEffect | HedgeDeclinedEffect): string {
  const stake = num(effect.bet.placedStake);
  const price = num(effect.bet.placedPrice);
  return `${stake !== null ? formatStake(stake) : 'stake unknown'}${price !== null ? ` @ ${formatOdds(price)}` : ''}`;
}

function hedgeTarget(betId: string, orderId: string | null): NotificationTarget {
  return orderId ? { view: 'hedge', betId, orderId } : { view: 'hedge', betId };
}

/** "fixture id1000…" for the hedged order's fixture, when the order is known. */
function hedgedFixture(effect: HedgePlacedEffect | HedgeDeclinedEffect): string | null {
  const fixtureId = text(effect.order?.fixtureId);
  return fixtureId && `fixture ${fixtureId}`;
}

/** A notice about one hedge bet: its bookmaker is the venue, its order the one it hedges. */
function betNotice(
  kind: 'hedge' | 'hedge-declined',
  effect: HedgePlacedEffect | HedgeDeclinedEffect,
  render: (bookmaker: string | null, orderId: string | null, at: number) => NotificationIntent,
): Notice {
  const bookmaker = text(effect.bet.bookmaker);
  const orderId = text(effect.bet.orderId);
  return {
    kind,
    count: 1,
    stake: num(effect.bet.placedStake) ?? 0,
    venue: bookmaker,
    orderId,
    render: (at) => render(bookmaker, orderId, at),
  };
}

export function hedgeNotice(effect: HedgePlacedEffect): Notice {
  return betNotice('hedge', effect, (bookmaker, orderId, at) => {
    const price = describeBetPrice(effect);
    const pending = text(effect.bet.betStatus)?.toLowerCase() === 'pending';
    const title = `Hedge ${pending ? 'pending' : 'placed'} ${price}${bookmaker ? ` at ${bookmaker}` : ''}`;
    const fill = describeOrderFill(effect.order);
    const body = parts(
      orderId && `For order ${orderId}`,
      fill && `fill ${fill}`,
      hedgedFixture(effect),
    );
    return intent(
      'hedge',
      title,
      body || 'Hedge bet',
      1,
      hedgeTarget(effect.bet.betId, orderId),
      at,
    );
  });
}

export function hedgeDeclinedNotice(effect: HedgeDeclinedEffect): Notice {
  return betNotice('hedge-declined', effect, (bookmaker, orderId, at) => {
    const price = describeBetPrice(effect);
    const title = `Hedge declined${bookmaker ? ` at ${bookmaker}` : ''}`;
    const fill = describeOrderFill(effect.order);
    const body = parts(
      `${price}${orderId ? ` for order ${orderId}` : ''}`,
      fill && `fill ${fill}`,
      hedgedFixture(effect),
      effect.orderStillHedged
        ? 'another hedge for this order is still live'
        : 'the fill is not hedged',
    );
    return intent('hedge-declined', title, body, 1, hedgeTarget(effect.bet.betId, orderId), at);
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
      const title = `No hedge for order ${missing.orderId}`;
      const body = parts(
        `${formatStake(missing.newStake)} matched${missing.exchange ? ` on ${missing.exchange}` : ''} at ${ctx.clock(missing.since, at)}, not hedged within ${formatDuration(ctx.hedgeGraceMs)}`,
        missing.fills > missing.newFills &&
          `${formatStake(missing.stake)} unhedged on this order (${plural(missing.fills, 'fill', 'fills')})`,
        missing.fixtureId && `fixture ${missing.fixtureId}`,
      );
      return intent(
        'hedge-missing',
        title,
        body,
        missing.newFills,
        orderTarget(missing.orderId),
        at,
      );
    },
  };
}

function ago(since: number, at: number): string {
  return at - since >= 1_000 ? ` (${formatDuration(at - since)} ago)` : '';
}

export function emergencyIntent(effect: EmergencyEffect, ctx: TextContext, at: number) {
  const body = parts(
    `Reason: ${effect.reason ?? 'not given'}`,
    `since ${ctx.clock(effect.since, at)}${ago(effect.since, at)}`,
  );
  return intent('emergency', 'Emergency mode ON', body, 1, { view: 'emergency' }, at);
}

export function emergencyClearedIntent(
  effect: EmergencyClearedEffect,
  ctx: TextContext,
  at: number,
) {
  const lasted =
    effect.activeSince !== null && effect.since >= effect.activeSince
      ? ` after ${formatDuration(effect.since - effect.activeSince)}`
      : '';
  const body = parts(
    `Ended at ${ctx.clock(effect.since, at)}${lasted}`,
    effect.activeSince !== null && `active since ${ctx.clock(effect.activeSince, at)}`,
    effect.reason && `Reason: ${effect.reason}`,
  );
  return intent('emergency-cleared', 'Emergency mode cleared', body, 1, { view: 'emergency' }, at);
}

export function connectionNotice(alert: ConnectionAlert, ctx: TextContext): Notice {
  const base = { kind: alert.kind, count: 1, stake: 0, venue: null, orderId: null } as const;
  const target: NotificationTarget = { view: 'connection' };
  switch (alert.kind) {
    case 'connection-lost':
      return {
        ...base,
        render: (at) =>
          alert.wasLive
            ? intent(
                'connection-lost',
                'Feed connection lost',
                parts(
                  `No live updates since ${ctx.clock(alert.since, at)}${ago(alert.since, at)}`,
                  alert.reason && `Reason: ${alert.reason}`,
                  'updates in the gap are not replayed',
                ),
                1,
                target,
                at,
              )
            : intent(
                'connection-lost',
                'Feed not connected',
                parts(
                  `Trying since ${ctx.clock(alert.since, at)}${ago(alert.since, at)}`,
                  alert.reason && `Reason: ${alert.reason}`,
                ),
                1,
                target,
                at,
              ),
      };
    case 'connection-restored':
      return {
        ...base,
        render: (at) =>
          intent(
            'connection-restored',
            'Feed connection restored',
            parts(
              `Live again after ${formatDuration(at - alert.downSince)} (down since ${ctx.clock(alert.downSince, at)})`,
              'updates sent meanwhile were missed',
            ),
            1,
            target,
            at,
          ),
      };
    case 'auth-failed':
      return {
        ...base,
        render: (at) =>
          intent(
            'auth-failed',
            'API key rejected',
            parts(
              alert.reason ?? 'The server refused the API key',
              'check the API key in Settings',
            ),
            1,
            { view: 'settings' },
            at,
          ),
      };
  }
}

const SUMMARY_LABELS: Record<NotificationKind, [string, string]> = {
  fill: ['more fill', 'more fills'],
  hedge: ['more hedge placed', 'more hedges placed'],
  'hedge-declined': ['more hedge declined', 'more hedges declined'],
  'hedge-missing': ['more fill without a hedge', 'more fills without a hedge'],
  emergency: ['more emergency', 'more emergencies'],
  'emergency-cleared': ['more emergency cleared', 'more emergencies cleared'],
  'connection-lost': ['more connection loss', 'more connection losses'],
  'connection-restored': ['more reconnection', 'more reconnections'],
  'auth-failed': ['more API key rejection', 'more API key rejections'],
  'trading-status': ['more trading status change', 'more trading status changes'],
};

/** "12 more fills" / "3,450.00 matched on polymarket, kalshi". */
export function summaryIntent(summary: BurstSummary, at: number): NotificationIntent {
  const [one, many] = SUMMARY_LABELS[summary.kind];
  const title = plural(summary.count, one, many);
  const venues = summary.venues.length > 0 ? listNames(summary.venues, summary.venueCount) : null;
  const orders =
    summary.orderIds.length > 0
      ? `order${summary.orderCount === 1 ? '' : 's'} ${listNames(summary.orderIds, summary.orderCount)}`
      : null;
  const stake = formatStake(summary.stake);
  let body: string;
  switch (summary.kind) {
    case 'fill':
      body = parts(`${stake} matched${venues ? ` on ${venues}` : ''}`, orders);
      break;
    case 'hedge':
      body = parts(`${stake} staked${venues ? ` at ${venues}` : ''}`, orders);
      break;
    case 'hedge-declined':
      body = parts(
        `${stake} declined${venues ? ` at ${venues}` : ''}`,
        orders,
        'fills may be unhedged',
      );
      break;
    case 'hedge-missing':
      body = parts(`${stake} unhedged${venues ? ` on ${venues}` : ''}`, orders);
      break;
    default:
      body = 'See the app for details';
  }
  const target: NotificationTarget =
    summary.kind === 'auth-failed'
      ? { view: 'settings' }
      : summary.kind.startsWith('connection')
        ? { view: 'connection' }
        : { view: 'feed' };
  return intent(summary.kind, title, body, summary.count, target, at);
}
