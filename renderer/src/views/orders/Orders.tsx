import { useCallback, useId, useMemo } from 'react';
import { missingHedgeOrderCount } from '../../../../common/domain/feed-state';
import type { OrderPayload } from '../../../../common/protocol/payloads';
import { LIST_REFRESH_MS } from '../../app/list-refresh';
import { useDetailDialog } from '../../app/use-detail-dialog';
import { useNow } from '../../app/use-now';
import { useRevealOnce } from '../../app/use-reveal';
import { useThrottled } from '../../app/use-throttled';
import { orderTone, StatusBadge } from '../../components/StatusBadge';
import { finite, parseTime } from '../../components/text-search';
import { type GridColumn, VirtualGrid } from '../../components/VirtualGrid';
import { useI18n } from '../../i18n/i18n-context';
import { orderStatusLabel } from '../../i18n/order-status';
import { hedgeState } from '../../store/record-keys';
import { useDashboard } from '../../store/use-dashboard';
import { HedgeChips } from './HedgeChips';
import { OrderDetail } from './OrderDetail';
import { type OrdersQuery, orderMatches, queryShowing } from './order-filter';
import { betsByOrder, matchedShare, newestFirst } from './order-index';
import { unhedgedIdSet, unhedgedIdsKey } from './unhedged-orders';

export type { OrdersQuery } from './order-filter';

const orderKey = (order: OrderPayload) => order.orderId;

/** Known orders, newest first, with matched stake as progress and their hedge bets. */
export function Orders({
  query,
  onQueryChange,
  focus,
}: {
  query: OrdersQuery;
  onQueryChange: (query: OrdersQuery) => void;
  focus: { id: string; serial: number } | null;
}) {
  const { t, fmt } = useI18n();
  const orders = useThrottled(
    useDashboard((s) => s.orders),
    LIST_REFRESH_MS,
  );
  const bets = useThrottled(
    useDashboard((s) => s.bets),
    LIST_REFRESH_MS,
  );
  // Every push brings a new report: keyed on its ids, an unchanged list redraws no row.
  const unhedgedKey = useDashboard((s) => unhedgedIdsKey(s.missingHedges));
  const unhedgedTotal = useDashboard((s) => missingHedgeOrderCount(s.missingHedges));
  const now = useNow(60_000);
  const searchId = useId();
  const [detail, setDetail] = useDetailDialog<OrderPayload>(focus?.serial);

  const all = useMemo(() => newestFirst(orders), [orders]);
  const hedges = useMemo(() => betsByOrder(bets), [bets]);
  const unhedged = useMemo(() => unhedgedIdSet(unhedgedKey), [unhedgedKey]);
  const rows = useMemo(
    () => all.filter((order) => orderMatches(order, query, unhedged)),
    [all, query, unhedged],
  );
  // An order opened from elsewhere is shown even when the filters set here would hide it.
  useRevealOnce(focus?.serial, focus ? orders.get(focus.id) : undefined, (order) => {
    const showing = queryShowing(order, query, unhedged);
    if (showing !== query) onQueryChange(showing);
  });

  const columns = useMemo<GridColumn<OrderPayload>[]>(
    () => [
      {
        id: 'order',
        header: t('orders.col.order'),
        width: '6rem',
        cell: (o) => <span className="num strong">{o.orderId}</span>,
      },
      {
        id: 'status',
        header: t('orders.col.status'),
        width: '10rem',
        cell: (o) => (
          <StatusBadge text={orderStatusLabel(t, o.orderStatus)} tone={orderTone(o.orderStatus)} />
        ),
      },
      {
        id: 'matched',
        header: t('orders.col.matched'),
        width: 'minmax(10rem, 1fr)',
        cell: (o) => {
          const share = matchedShare(o);
          const matched = finite(o.matchedStake) ?? 0;
          const ordered = finite(o.orderStake);
          return (
            <span className="progress-cell">
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
              </span>
              <span className="num">
                {t('orders.matchedOf', {
                  matched: fmt.money(matched),
                  ordered: ordered === null ? '—' : fmt.money(ordered),
                })}
              </span>
            </span>
          );
        },
      },
      {
        id: 'price',
        header: t('orders.col.price'),
        width: '4.2rem',
        align: 'end',
        cell: (o) => {
          const cents = finite(o.orderCents);
          return <span className="num">{cents === null ? '—' : fmt.price(cents)}</span>;
        },
      },
      {
        id: 'odds',
        header: t('orders.col.odds'),
        width: '4.2rem',
        align: 'end',
        cell: (o) => {
          const odds = finite(o.bookmakerOutcomePrice);
          return <span className="num">{odds === null ? '—' : fmt.odds(odds)}</span>;
        },
      },
      {
        id: 'exchange',
        header: t('orders.col.exchange'),
        width: 'minmax(6rem, 0.7fr)',
        cell: (o) => (
          <span>
            {o.exchange ?? '—'}
            {o.account ? <span className="muted"> · {o.account}</span> : null}
          </span>
        ),
      },
      {
        id: 'fixture',
        header: t('orders.col.fixture'),
        width: 'minmax(7rem, 0.8fr)',
        cell: (o) => <span className="num">{o.fixtureId ?? '—'}</span>,
      },
      {
        id: 'hedges',
        header: t('orders.col.hedges'),
        width: 'minmax(9rem, 1.2fr)',
        cell: (o) => (
          <HedgeChips
            bets={hedges.get(o.orderId)}
            matched={(finite(o.matchedStake) ?? 0) > 0}
            unhedged={unhedged.has(o.orderId)}
          />
        ),
      },
      {
        id: 'updated',
        header: t('orders.col.updated'),
        // Room for a date: an order updated before today shows it.
        width: '9.5rem',
        cell: (o) => {
          const at = parseTime(o.updatedAt);
          return <span className="num muted">{at === null ? '—' : fmt.when(at, now)}</span>;
        },
      },
    ],
    [t, fmt, now, hedges, unhedged],
  );

  const rowClass = useCallback(
    (o: OrderPayload) => {
      if (unhedged.has(o.orderId)) return 'row-danger';
      return hedges.get(o.orderId)?.some((bet) => hedgeState(bet) === 'declined')
        ? 'row-warn'
        : undefined;
    },
    [hedges, unhedged],
  );

  const highlight = focus ? { key: focus.id, serial: focus.serial } : null;
  const missingFocus = focus !== null && !orders.has(focus.id);

  return (
    <div className="view-grid">
      <div className="toolbar">
        <span className="control grow">
          <label htmlFor={searchId}>{t('orders.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query.text}
            onChange={(e) => onQueryChange({ ...query, text: e.target.value })}
          />
        </span>
        <label className="check">
          <input
            type="checkbox"
            checked={query.openOnly}
            onChange={(e) => onQueryChange({ ...query, openOnly: e.target.checked })}
          />
          <span>{t('orders.openOnly')}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={query.unhedgedOnly === true}
            onChange={(e) => onQueryChange({ ...query, unhedgedOnly: e.target.checked })}
          />
          <span>{t('orders.unhedgedOnly')}</span>
        </label>
        <span className="muted num count">
          {t('orders.count', { shown: fmt.count(rows.length), total: fmt.count(all.length) })}
        </span>
      </div>
      {missingFocus && <p className="notice">{t('orders.notFound', { id: focus.id })}</p>}
      {query.unhedgedOnly && unhedgedTotal > unhedged.size && (
        <p className="notice warn">
          {t('orders.unhedgedNotListed', {
            listed: fmt.count(unhedged.size),
            total: fmt.count(unhedgedTotal),
          })}
        </p>
      )}
      <VirtualGrid
        label={t('orders.label')}
        rows={rows}
        columns={columns}
        rowKey={orderKey}
        rowClass={rowClass}
        highlight={highlight}
        anchorScroll
        emptyText={t('orders.empty')}
        onActivate={setDetail}
      />
      {detail && (
        <OrderDetail
          order={orders.get(detail.orderId) ?? detail}
          bets={hedges.get(detail.orderId) ?? []}
          onClose={() => setDetail(null)}
        />
      )}
    </div>
  );
}
