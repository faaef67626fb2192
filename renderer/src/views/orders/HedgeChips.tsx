import type { BetPayload } from '../../../../common/protocol/payloads';
import { useI18n } from '../../i18n/i18n-context';
import { hedgeState } from '../../store/record-keys';

/** An order's hedge bets in a line: id and status, declined ones struck through in red. */
export function HedgeChips({
  bets,
  matched,
  unhedged,
}: {
  bets: readonly BetPayload[] | undefined;
  matched: boolean;
  unhedged: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="chips">
      {unhedged && <span className="chip tone-danger">{t('orders.unhedged')}</span>}
      {bets?.map((bet) => {
        const state = hedgeState(bet);
        const label = state === 'other' ? (bet.betStatus ?? '?') : t(`status.${state}`);
        return (
          <span key={bet.betId} className={`chip chip-${state}`}>
            {bet.betId} {label}
          </span>
        );
      })}
      {!bets?.length && matched && !unhedged && (
        <span className="chip tone-warn">{t('orders.noHedge')}</span>
      )}
    </span>
  );
}
