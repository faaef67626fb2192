import type { NotificationKind } from '../../../common/domain/notifications';
import { listNames, numberFormats } from '../format';
import type { AlertTexts, Priced } from './catalog';

const numbers = numberFormats('en-US');

function plural(n: number, count: string, one: string, many: string): string {
  return `${count} ${n === 1 ? one : many}`;
}

/** "100.00 @ 45¢ on polymarket" */
function priced({ stake, price, venue }: Priced, preposition: 'on' | 'at'): string {
  return `${stake}${price !== null ? ` @ ${price}` : ''}${venue ? ` ${preposition} ${venue}` : ''}`;
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

export const en: AlertTexts = {
  locale: 'en-US',
  numbers,
  durationUnits: { s: 's', min: 'min', h: 'h', d: 'd' },
  unknownTime: 'an unknown time',
  listNames: (names, total) => listNames(names, total),

  fixture: (fixtureId) => `fixture ${fixtureId}`,
  reason: (reason) => `Reason: ${reason}`,
  ago: (duration) => ` (${duration} ago)`,

  fillTitle: (partial, fill) => `${partial ? 'Partial fill' : 'Filled'} ${priced(fill, 'on')}`,
  order: (orderId, side) => `Order ${orderId}${side ? ` (${side})` : ''}`,
  matchedOf: (matched, ordered) => `${matched} of ${ordered} matched`,
  matchedInTotal: (matched) => `${matched} matched in total`,
  hedgedFill: (fill) => `fill ${priced(fill, 'on')}`,

  stakeUnknown: 'stake unknown',
  hedgeTitle: (pending, bet) => `Hedge ${pending ? 'pending' : 'placed'} ${priced(bet, 'at')}`,
  forOrder: (orderId) => `For order ${orderId}`,
  hedgeBet: 'Hedge bet',
  hedgeDeclinedTitle: (bookmaker) => `Hedge declined${bookmaker ? ` at ${bookmaker}` : ''}`,
  declinedBet: (bet, orderId) => `${bet}${orderId ? ` for order ${orderId}` : ''}`,
  orderStillHedged: 'another hedge for this order is still live',
  fillNotHedged: 'the fill is not hedged',

  missingTitle: (orderId) => `No hedge for order ${orderId}`,
  missingFill: (stake, exchange, at, grace) =>
    `${stake} matched${exchange ? ` on ${exchange}` : ''} at ${at}, not hedged within ${grace}`,
  unhedgedOnOrder: (stake, fills, count) =>
    `${stake} unhedged on this order (${plural(fills, count, 'fill', 'fills')})`,

  emergencyTitle: 'Emergency mode ON',
  reasonNotGiven: 'not given',
  emergencySince: (clock, ago) => `since ${clock}${ago}`,
  emergencyClearedTitle: 'Emergency mode cleared',
  emergencyEnded: (clock, lasted) =>
    `Ended at ${clock}${lasted !== null ? ` after ${lasted}` : ''}`,
  activeSince: (clock) => `active since ${clock}`,

  connectionLostTitle: 'Feed connection lost',
  noLiveUpdatesSince: (clock, ago) => `No live updates since ${clock}${ago}`,
  gapNotReplayed: 'updates in the gap are not replayed',
  notConnectedTitle: 'Feed not connected',
  tryingSince: (clock, ago) => `Trying since ${clock}${ago}`,
  connectionRestoredTitle: 'Feed connection restored',
  liveAgain: (downFor, downSince) => `Live again after ${downFor} (down since ${downSince})`,
  missedMeanwhile: 'updates sent meanwhile were missed',
  authFailedTitle: 'API key rejected',
  keyRefused: 'The server refused the API key',
  checkKey: 'check the API key in Settings',

  summaryTitle: (kind, n, count) => {
    const [one, many] = SUMMARY_LABELS[kind];
    return plural(n, count, one, many);
  },
  summaryOrders: (n, list) => `order${n === 1 ? '' : 's'} ${list}`,
  summaryFills: (stake, venues) => `${stake} matched${venues ? ` on ${venues}` : ''}`,
  summaryHedges: (stake, venues) => `${stake} staked${venues ? ` at ${venues}` : ''}`,
  summaryDeclined: (stake, venues) => `${stake} declined${venues ? ` at ${venues}` : ''}`,
  fillsMayBeUnhedged: 'fills may be unhedged',
  summaryMissing: (stake, venues) => `${stake} unhedged${venues ? ` on ${venues}` : ''}`,
  seeApp: 'See the app for details',
};
