import type { OrderPayload } from '../../../../common/protocol/payloads';
import { useNow } from '../../app/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { useDashboard } from '../../store/use-dashboard';

const OPEN_ROWS = 6;
/** P&L is re-read every minute: older than two, it is out of date. */
const PNL_STALE_MS = 2 * 60_000;

/**
 * P&L today, the positions summary and the open orders, from the latest REST snapshot.
 * P&L and positions cover the UTC day (not the local one the counters use), as of when
 * they were read.
 */
export function TradingSummary({
  openOrders,
  onOpenOrder,
}: {
  openOrders: readonly OrderPayload[];
  onOpenOrder: (orderId: string) => void;
}) {
  const { t, tp, fmt } = useI18n();
  const pnl = useDashboard((s) => s.trading.pnl);
  const positions = useDashboard((s) => s.trading.positions);
  const readAt = useDashboard((s) => s.trading.pnlReadAt);
  const now = useNow(10_000);
  const stale = readAt !== null && now - readAt > PNL_STALE_MS;
  const period =
    readAt === null ? null : (
      <p className={stale ? 'stale' : 'muted'}>
        {t(stale ? 'pnl.asOfStale' : 'pnl.asOf', { time: fmt.when(readAt, now) })}
      </p>
    );
  return (
    <>
      <section className="card" aria-labelledby="card-pnl">
        <h2 id="card-pnl">{t('pnl.title')}</h2>
        {pnl ? (
          <>
            {period}
            <dl className="pairs">
              <div>
                <dt>{t('pnl.netRealizedSpread')}</dt>
                <dd className={pnl.netRealizedSpread < 0 ? 'num negative' : 'num'}>
                  {fmt.money(pnl.netRealizedSpread)}
                </dd>
              </div>
              <div>
                <dt>{t('pnl.nakedPnl')}</dt>
                <dd className={pnl.nakedPnl < 0 ? 'num negative' : 'num'}>
                  {fmt.money(pnl.nakedPnl)}
                </dd>
              </div>
              <div>
                <dt>{t('pnl.unhedgedStake')}</dt>
                <dd className="num">
                  {fmt.money(pnl.unhedgedStake)}{' '}
                  <span className="muted">
                    {t('pnl.unhedgedPct', { pct: fmt.decimal(pnl.unhedgedStakePct) })}
                  </span>
                </dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="muted">{t('pnl.none')}</p>
        )}
      </section>
      {positions && (
        <section className="card" aria-labelledby="card-positions">
          <h2 id="card-positions">{t('positions.title')}</h2>
          {period}
          <dl className="pairs">
            <div>
              <dt>{t('positions.orders')}</dt>
              <dd className="num">{fmt.count(positions.totalOrders)}</dd>
            </div>
            <div>
              <dt>{t('positions.open')}</dt>
              <dd className="num">{fmt.count(positions.openCount)}</dd>
            </div>
            <div>
              <dt>{t('positions.filled')}</dt>
              <dd className="num">{fmt.count(positions.filledCount)}</dd>
            </div>
            <div>
              <dt>{t('positions.cancelled')}</dt>
              <dd className="num">{fmt.count(positions.cancelledCount)}</dd>
            </div>
            <div>
              <dt>{t('positions.stake')}</dt>
              <dd className="num">{fmt.money(positions.totalStake)}</dd>
            </div>
            <div>
              <dt>{t('positions.matched')}</dt>
              <dd className="num">{fmt.money(positions.totalMatched)}</dd>
            </div>
            <div>
              <dt>{t('positions.fixtures')}</dt>
              <dd className="num">{fmt.count(positions.fixtureCount)}</dd>
            </div>
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="card-open-orders">
        <h2 id="card-open-orders">{t('openOrders.title')}</h2>
        {openOrders.length === 0 ? (
          <p className="muted">{t('openOrders.empty')}</p>
        ) : (
          <ul className="plain-list">
            {openOrders.slice(0, OPEN_ROWS).map((order) => (
              <li key={order.orderId} title={order.fixtureId ?? undefined}>
                <button type="button" className="link" onClick={() => onOpenOrder(order.orderId)}>
                  #{order.orderId}
                </button>{' '}
                {order.exchange ?? ''}{' '}
                {typeof order.orderStake === 'number' && (
                  <span className="num">{fmt.money(order.orderStake)}</span>
                )}
              </li>
            ))}
            {openOrders.length > OPEN_ROWS && (
              <li className="muted">{tp('openOrders.more', openOrders.length - OPEN_ROWS)}</li>
            )}
          </ul>
        )}
      </section>
    </>
  );
}
