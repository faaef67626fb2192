import type { BetPayload, OrderPayload } from '../../../../common/protocol/payloads';
import { JsonBlock } from '../../components/JsonBlock';
import { Modal } from '../../components/Modal';
import { StatusBadge } from '../../components/StatusBadge';
import { finite } from '../../components/text-search';
import { useI18n } from '../../i18n/i18n-context';
import { hedgeState } from '../../store/record-keys';

/** One order in full, with its hedge bets. */
export function OrderDetail({
  order,
  bets,
  onClose,
}: {
  order: OrderPayload;
  bets: readonly BetPayload[];
  onClose: () => void;
}) {
  const { t, fmt } = useI18n();
  return (
    <Modal
      title={t('feed.subject.order', { id: order.orderId })}
      closeLabel={t('detail.close')}
      onClose={onClose}
    >
      {bets.length > 0 && (
        <>
          <h3>{t('detail.hedges')}</h3>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('hedges.col.bet')}</th>
                <th scope="col">{t('hedges.col.status')}</th>
                <th scope="col">{t('hedges.col.bookmaker')}</th>
                <th scope="col" className="end">
                  {t('hedges.col.price')}
                </th>
                <th scope="col" className="end">
                  {t('hedges.col.stake')}
                </th>
              </tr>
            </thead>
            <tbody>
              {bets.map((bet) => {
                const state = hedgeState(bet);
                const price = finite(bet.placedPrice);
                const stake = finite(bet.placedStake);
                return (
                  <tr key={bet.betId}>
                    <th scope="row" className="num">
                      {bet.betId}
                    </th>
                    <td>
                      <StatusBadge
                        text={
                          state === 'other' ? String(bet.betStatus ?? '?') : t(`status.${state}`)
                        }
                        tone={state === 'declined' ? 'danger' : state === 'pending' ? 'warn' : 'ok'}
                      />
                    </td>
                    <td>{bet.bookmaker ?? '—'}</td>
                    <td className="end num">{price === null ? '—' : fmt.odds(price)}</td>
                    <td className="end num">{stake === null ? '—' : fmt.money(stake)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('detail.record')}</h3>
      <JsonBlock value={order} label={t('detail.record')} />
    </Modal>
  );
}
