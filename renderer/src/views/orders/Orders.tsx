import { useCallback, useId, useMemo, useState } from 'react';
import type { OrderPayload } from '../../../../common/protocol/payloads';
import { LIST_REFRESH_MS } from '../../app/list-refresh';
import { useRevealOnce } from '../../app/use-reveal';
import { useThrottled } from '../../app/use-throttled';
import { orderTone, StatusBadge } from '../../components/StatusBadge';
import { finite, parseTime } from '../../components/text-search';
import { type GridColumn, VirtualGrid } from '../../components/VirtualGrid';
import { useI18n } from '../../i18n/i18n-context';
import { hedgeState } from '../../store/record-keys';
import { useDashboard } from '../../store/use-dashboard';
import { HedgeChips } from './HedgeChips';
import { OrderDetail } from './OrderDetail';
import { type OrdersQuery, orderMatches, queryShowing } from './order-filter';
import { betsByOrder, matchedShare, newestFirst } from './order-index';

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
  const missing = useDashboard((s) => s.missingHedges);
  const searchId = useId();
  const [detail, setDetail] = useState<OrderPayload | null>(null);

  const all = useMemo(() => newestFirst(orders), [orders]);
  const hedges = useMemo(() => betsByOrder(bets), [bets]);
  const unhedged = useMemo(() => new Set(missing.orders.map((o) => o.orderId)), [missing]);
  const rows = useMemo(() => all.filter((order) => orderMatches(order, query)), [all, query]);
  // An order opened from elsewhere is shown even when the filters set here would hide it.
  useRevealOnce(focus?.serial, focus ? orders.get(focus.id) : undefined, (order) => {
    const showing = queryShowing(order, query);
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
        cell: (o) => <StatusBadge text={o.orderStatus ?? '—'} tone={orderTone(o.orderStatus)} />,
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
        width: '6.8rem',
        cell: (o) => {
          const at = parseTime(o.updatedAt);
          return <span className="num muted">{at === null ? '—' : fmt.time(at)}</span>;
        },
      },
    ],
    [t, fmt, hedges, unhedged],
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
        <span className="muted num count">
          {t('orders.count', { shown: fmt.count(rows.length), total: fmt.count(all.length) })}
        </span>
      </div>
      {missingFocus && <p className="notice">{t('orders.notFound', { id: focus.id })}</p>}
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
