import type { Broadcast } from '../../common/protocol/server-frames';
import { redactSecrets } from '../../common/redact';
import { formatStake } from '../alerts/format';

/** FULLY_MATCHED → fully matched; no status: new or updated. */
function change(event: Broadcast, status: string | null | undefined): string {
  if (status) return status.toLowerCase().replace(/_/g, ' ');
  return event.event === 'INSERT' ? 'new' : 'updated';
}

function phrase(event: Broadcast): string {
  switch (event.channel) {
    case 'orders': {
      const r = event.record;
      return `order ${r.exchange ?? ''} ${change(event, r.matchedStatus ?? r.orderStatus)}`;
    }
    case 'bets':
      return `hedge ${event.record.bookmaker ?? ''} ${change(event, event.record.betStatus)}`;
    case 'accounts': {
      const r = event.record;
      const what =
        typeof r.balance === 'number' ? `balance ${formatStake(r.balance)}` : change(event, null);
      return `account ${r.exchange ?? ''} ${what}`;
    }
    case 'scores': {
      const { home, away } = event.record.scores ?? {};
      const score =
        typeof home === 'number' && typeof away === 'number' ? `${home}-${away}` : 'updated';
      return `score ${event.record.fixtureId} ${score}`;
    }
    case 'emergency':
      return event.record.emergency ? 'emergency raised' : 'emergency cleared';
  }
}

/** A few words for the tray's "Last:" line: "order polymarket fully matched". */
export function summariseEvent(event: Broadcast): string {
  return redactSecrets(phrase(event)).replace(/\s+/g, ' ').trim();
}
