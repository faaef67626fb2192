import { useMemo } from 'react';
import { missingHedgeOrderCount } from '../../../../common/domain/feed-state';
import type { NotificationTarget } from '../../../../common/domain/notifications';
import { LIST_REFRESH_MS } from '../../app/list-refresh';
import { useNow } from '../../app/use-now';
import { useThrottled } from '../../app/use-throttled';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../i18n/main-text';
import { useDashboard } from '../../store/use-dashboard';
import { openOrdersOf } from '../trading/open-orders';
import { TradingControls } from '../trading/TradingControls';
import { TradingSummary } from '../trading/TradingSummary';
import { balancesByExchange } from './balances';
import { pendingHedges } from './pending-hedges';

const LATEST_NOTIFICATIONS = 8;
const LATEST_PROBLEMS = 5;
/** The oldest unhedged orders shown here; the Orders view marks every one main sent. */
const MISSING_ROWS = 8;

/** Today at a glance: fills, hedges, unhedged fills first of all, balances, notifications. */
export function Overview({
  onOpenOrder,
  onNavigate,
}: {
  onOpenOrder: (orderId: string) => void;
  onNavigate: (target: NotificationTarget) => void;
}) {
  const { t, tp, fmt } = useI18n();
  const counters = useDashboard((s) => s.counters);
  const missing = useDashboard((s) => s.missingHedges);
  const accounts = useDashboard((s) => s.accounts);
  const notifications = useDashboard((s) => s.notifications);
  const errors = useDashboard((s) => s.errors);
  const held = useDashboard((s) => s.entries.length);
  const now = useNow(5_000);
  const balances = useMemo(() => balancesByExchange(accounts), [accounts]);
  const status = useDashboard((s) => s.status);
  const live = status?.state === 'live';
  // Counted over up to 10,000 records: at most as often as the lists are drawn.
  const orders = useThrottled(
    useDashboard((s) => s.orders),
    LIST_REFRESH_MS,
  );
  const openOrders = useMemo(() => openOrdersOf(orders), [orders]);
  // Whenever a feed can run, even with nothing read yet: the kill switch (Stop, Cancel
  // all) matters most exactly when the status and P&L cannot be read.
  const feedConfigured = useDashboard((s) => s.demo || s.keyStatus?.set === true);
  // The dashboard's own count means something once it has been told anything.
  const ordersKnown = useDashboard(
    (s) => s.orders.size > 0 || s.trading.mergedAt !== null || s.status?.state === 'live',
  );
  const unhedged = missing.fillsMissingHedge;
  const unhedgedOrders = missingHedgeOrderCount(missing);
  const listedRows = Math.min(MISSING_ROWS, missing.orders.length);
  const bets = useThrottled(
    useDashboard((s) => s.bets),
    LIST_REFRESH_MS,
  );
  const pendingNow = useMemo(() => pendingHedges(bets), [bets]);

  return (
    <div className="view-scroll overview">
      {status && !live && (
        <p className="notice warn">
          {t('stale.notConnected', { time: fmt.when(status.since, now) })}
        </p>
      )}
      <div className="cards">
        <section className="card" aria-labelledby="card-fills">
          <h2 id="card-fills">{t('overview.fills')}</h2>
          <p className="big num">{fmt.count(counters.fills)}</p>
          <p className="muted">
            {t('overview.matched', { amount: fmt.money(counters.matchedStake) })}
          </p>
        </section>
        <section className="card" aria-labelledby="card-hedges">
          <h2 id="card-hedges">{t('overview.hedges')}</h2>
          <dl className="triple">
            <div>
              <dt>{t('overview.hedgesPlaced')}</dt>
              <dd className="num">{fmt.count(counters.hedgesPlaced)}</dd>
            </div>
            <div>
              <dt>{t('overview.hedgesPending')}</dt>
              <dd className="num">{fmt.count(pendingNow)}</dd>
            </div>
            <div className={counters.hedgesDeclined > 0 ? 'declined' : undefined}>
              <dt>{t('overview.hedgesDeclined')}</dt>
              <dd className="num">{fmt.count(counters.hedgesDeclined)}</dd>
            </div>
          </dl>
        </section>
        <section
          className={unhedged > 0 ? 'card card-alert' : live ? 'card card-ok' : 'card card-unknown'}
          aria-labelledby="card-missing"
        >
          <h2 id="card-missing">{t('overview.missing')}</h2>
          <p className="big num">{fmt.count(unhedged)}</p>
          <p>
            {unhedged > 0
              ? tp('overview.missingOrders', unhedgedOrders)
              : t(live ? 'overview.missingNone' : 'overview.missingUnknown')}
          </p>
        </section>
        <section className="card" aria-labelledby="card-events">
          <h2 id="card-events">{t('overview.events')}</h2>
          <p className="big num">{fmt.count(counters.events)}</p>
          <p className="muted">{t('overview.eventsShown', { count: fmt.count(held) })}</p>
        </section>
      </div>

      {feedConfigured && (
        <div className="cards">
          <TradingControls openOrders={ordersKnown ? openOrders.length : null} />
          <TradingSummary openOrders={openOrders} onOpenOrder={onOpenOrder} />
        </div>
      )}

      {unhedgedOrders > 0 && (
        <section className="panel panel-alert" aria-labelledby="panel-missing">
          <h2 id="panel-missing">{t('overview.missingTitle')}</h2>
          {listedRows > 0 && (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('overview.col.order')}</th>
                  <th scope="col">{t('overview.col.exchange')}</th>
                  <th scope="col">{t('overview.col.fixture')}</th>
                  <th scope="col" className="end">
                    {t('overview.col.stake')}
                  </th>
                  <th scope="col" className="end">
                    {t('overview.col.fills')}
                  </th>
                  <th scope="col">{t('overview.col.since')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('overview.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {missing.orders.slice(0, listedRows).map((order) => (
                  <tr key={order.orderId}>
                    <th scope="row" className="num">
                      {order.orderId}
                    </th>
                    <td>{order.exchange ?? '—'}</td>
                    <td className="num">{order.fixtureId ?? '—'}</td>
                    <td className="end num">{fmt.money(order.stake)}</td>
                    <td className="end num">{fmt.count(order.fills)}</td>
                    <td className="num">
                      {fmt.when(order.since, now)} ({fmt.ago(order.since, now)})
                    </td>
                    <td className="end">
                      <button
                        type="button"
                        className="small"
                        onClick={() => onOpenOrder(order.orderId)}
                        aria-label={t('detail.openOrder', { id: order.orderId })}
                      >
                        {t('overview.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unhedgedOrders > listedRows && (
            <p className="muted">
              {unhedgedOrders > missing.orders.length
                ? t('overview.moreUnlisted', {
                    count: fmt.count(unhedgedOrders - listedRows),
                    listed: fmt.count(missing.orders.length),
                    total: fmt.count(unhedgedOrders),
                  })
                : t('overview.more', { count: fmt.count(unhedgedOrders - listedRows) })}
            </p>
          )}
        </section>
      )}

      <div className="panels">
        <section className="panel" aria-labelledby="panel-balances">
          <h2 id="panel-balances">{t('overview.balances')}</h2>
          {balances.length === 0 ? (
            <p className="muted">{t('overview.noAccounts')}</p>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('overview.col.exchange')}</th>
                  <th scope="col" className="end">
                    {t('overview.col.accounts')}
                  </th>
                  <th scope="col" className="end">
                    {t('overview.col.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {balances.map((row) => (
                  <tr key={row.exchange}>
                    <th scope="row">{row.exchange}</th>
                    <td className="end num">{fmt.count(row.accounts)}</td>
                    <td className="end num">{fmt.money(row.balance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="panel" aria-labelledby="panel-notifications">
          <h2 id="panel-notifications">{t('overview.notifications')}</h2>
          {notifications.length === 0 ? (
            <p className="muted">{t('overview.noNotifications')}</p>
          ) : (
            <ul className="notifications">
              {notifications.slice(0, LATEST_NOTIFICATIONS).map((n) => (
                <li key={`${n.at}|${n.kind}|${n.title}`}>
                  <button
                    type="button"
                    className={n.urgent ? 'notification urgent' : 'notification'}
                    onClick={() => onNavigate(n.target)}
                  >
                    <span className="num muted">{fmt.when(n.at, now)}</span>
                    <span className="title">{n.title}</span>
                    <span className="body">{n.body}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="panel-problems">
          <h2 id="panel-problems">{t('overview.problems')}</h2>
          {errors.length === 0 ? (
            <p className="muted">{t('overview.noProblems')}</p>
          ) : (
            <ul className="problems">
              {errors.slice(0, LATEST_PROBLEMS).map((e) => (
                <li key={`${e.at}|${e.message}`}>
                  <span className="num muted">{fmt.when(e.at, now)}</span>{' '}
                  {errorText(t, tp, e.message)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
