import { styleText } from 'node:util';
import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../common/domain/events';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';

type Colour = Parameters<typeof styleText>[0];
export type Paint = (colour: Colour, text: string) => string;

export const colours =
  (stream: NodeJS.WriteStream): Paint =>
  (colour, text) =>
    styleText(colour, text, { stream, validateStream: true });
export const noColours: Paint = (_colour, text) => text;

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour12: false });

const STATE_COLOUR: Record<FeedStatus['state'], Colour> = {
  connecting: 'yellow',
  live: 'green',
  reconnecting: 'yellow',
  'auth-failed': 'red',
  stopped: 'gray',
};

/** Fields whose change says nothing to a reader of the log. */
const QUIET_FIELDS = new Set(['updatedAt']);

function shortValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 24 ? `${text.slice(0, 20)}…` : text;
}

function changes(event: FeedEvent): string {
  if (!event.old) return '';
  const parts = Object.entries(event.old)
    .filter(([field]) => !QUIET_FIELDS.has(field))
    .map(
      ([field, before]) => `${field} ${shortValue(before)} → ${shortValue(event.payload[field])}`,
    );
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function describeEvent(event: FeedEvent): string {
  switch (event.channel) {
    case 'orders': {
      const o = event.record;
      const price = o.orderCents != null ? ` @ ${Math.round(o.orderCents * 100)}¢` : '';
      const stake =
        o.matchedStake != null ? ` matched ${o.matchedStake}/${o.orderStake ?? '?'}` : '';
      return `order #${o.orderId} ${o.exchange ?? ''} ${o.orderStatus ?? ''}${stake}${price}`;
    }
    case 'bets': {
      const b = event.record;
      return `hedge #${b.betId} for order #${b.orderId ?? '?'} ${b.bookmaker ?? ''} ${b.betStatus ?? ''} ${b.placedStake ?? ''} @ ${b.placedPrice ?? '?'}`;
    }
    case 'accounts': {
      const a = event.record;
      return `account ${a.exchange ?? ''}/${a.username ?? ''} balance ${a.balance ?? '?'}`;
    }
    case 'scores': {
      const s = event.record;
      return `fixture ${s.fixtureId} ${s.scores?.home ?? '?'}-${s.scores?.away ?? '?'} ${s.currentPeriod ?? ''} ${s.currentMinute ?? ''}'`;
    }
    case 'emergency': {
      const e = event.record;
      return e.emergency ? `EMERGENCY ON: ${e.reason ?? 'no reason given'}` : 'emergency cleared';
    }
  }
}

/** The readable live log of `mm-tray-cli` without --json. */
export function prettyLine(paint: Paint) {
  return {
    status(status: FeedStatus): string {
      const reason = status.reason ? ` — ${status.reason}` : '';
      const retry = status.retryAt ? ` (next try ${time(status.retryAt)})` : '';
      const emergency = status.emergency
        ? paint(['bold', 'bgRed', 'white'], ` EMERGENCY: ${status.emergencyReason ?? ''} `)
        : '';
      return `${paint('gray', time(status.since))} ${paint(STATE_COLOUR[status.state], `● ${status.state}`)}${reason}${retry} ${emergency}`.trimEnd();
    },
    event(event: FeedEvent): string {
      const label = paint('cyan', `${event.channel} ${event.event}`.padEnd(16));
      return `${paint('gray', time(event.receivedAt))} ${label} ${describeEvent(event).replace(/\s+/g, ' ').trim()}${paint('gray', changes(event))}`;
    },
    notification(intent: NotificationIntent): string {
      const colour: Colour = intent.urgent ? 'red' : 'magenta';
      const count = intent.count > 1 ? ` ×${intent.count}` : '';
      return `${paint('gray', time(intent.at))} ${paint(colour, `🔔 ${intent.title}${count}`)} — ${intent.body}`;
    },
    error(error: ErrorRecord): string {
      return `${paint('gray', time(error.at))} ${paint('red', `✖ ${error.source}`)} ${error.message}`;
    },
    gap(gap: Gap): string {
      return `${paint('gray', time(gap.to))} ${paint('yellow', `⚠ updates between ${time(gap.from)} and ${time(gap.to)} may be missing`)}`;
    },
  };
}
