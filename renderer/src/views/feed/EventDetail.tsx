import { JsonBlock } from '../../components/JsonBlock';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/i18n-context';
import type { FeedEntry } from '../../store/dashboard-state';
import { changesOf, formatValue } from './event-text';

/** Everything about one event: what changed, the payload as sent and the old values. */
export function EventDetail({
  entry,
  onClose,
  onOpenOrder,
}: {
  entry: FeedEntry;
  onClose: () => void;
  onOpenOrder: (orderId: string) => void;
}) {
  const { t, fmt } = useI18n();
  const { event } = entry;
  const changes = changesOf(event);
  const orderId =
    event.channel === 'orders'
      ? event.record.orderId
      : event.channel === 'bets'
        ? (event.record.orderId ?? null)
        : null;
  return (
    <Modal
      title={t('detail.title', {
        channel: t(`channel.${event.channel}`),
        event: event.event,
        seq: event.seq,
      })}
      closeLabel={t('detail.close')}
      onClose={onClose}
      actions={
        orderId ? (
          <button type="button" onClick={() => onOpenOrder(orderId)}>
            {t('detail.openOrder', { id: orderId })}
          </button>
        ) : undefined
      }
    >
      <p className="muted">
        {t('detail.received', { time: fmt.when(event.receivedAt, Date.now()) })}
      </p>
      {changes.length > 0 && (
        <>
          <h3>{t('detail.changes')}</h3>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('detail.field')}</th>
                <th scope="col">{t('detail.before')}</th>
                <th scope="col">{t('detail.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.field}</th>
                  <td className="old">{formatValue(change.from, fmt, true, change.field)}</td>
                  <td className="new">{formatValue(change.to, fmt, true, change.field)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('detail.payload')}</h3>
      <JsonBlock value={event.payload} label={t('detail.payload')} />
      {event.old && (
        <>
          <h3>{t('detail.old')}</h3>
          <JsonBlock value={event.old} label={t('detail.old')} />
        </>
      )}
    </Modal>
  );
}
