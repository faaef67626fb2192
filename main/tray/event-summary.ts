import type { Language } from '../../common/i18n/language';
import type { Broadcast } from '../../common/protocol/server-frames';
import { redactSecrets } from '../../common/redact';
import { formatStake } from '../alerts/format';
import { type TrayEventTexts, trayTexts } from './texts';

/** The status in words (the server's own when unknown); no status: new or updated. */
function change(
  t: TrayEventTexts,
  event: Broadcast,
  status: string | null | undefined,
  word: (status: string) => string | null,
): string {
  if (status) return word(status) ?? status.toLowerCase().replace(/_/g, ' ');
  return event.event === 'INSERT' ? t.created : t.updated;
}

function phrase(t: TrayEventTexts, event: Broadcast): string {
  switch (event.channel) {
    case 'orders': {
      const r = event.record;
      const status = r.matchedStatus ?? r.orderStatus;
      return t.order(r.exchange ?? '', change(t, event, status, t.orderStatus));
    }
    case 'bets': {
      const r = event.record;
      return t.hedge(r.bookmaker ?? '', change(t, event, r.betStatus, t.betStatus));
    }
    case 'accounts': {
      const r = event.record;
      const what =
        typeof r.balance === 'number'
          ? t.balance(formatStake(r.balance))
          : change(t, event, null, t.orderStatus);
      return t.account(r.exchange ?? '', what);
    }
    case 'scores': {
      const { home, away } = event.record.scores ?? {};
      const score =
        typeof home === 'number' && typeof away === 'number' ? `${home}-${away}` : t.updated;
      return t.score(event.record.fixtureId, score);
    }
    case 'emergency':
      return event.record.emergency ? t.emergencyRaised : t.emergencyCleared;
  }
}

/** A few words for the tray's "Last:" line: "order polymarket fully matched". */
export function summariseEvent(event: Broadcast, language: Language = 'en'): string {
  return redactSecrets(phrase(trayTexts(language).events, event))
    .replace(/\s+/g, ' ')
    .trim();
}
