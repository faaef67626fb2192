import { useCallback, useId, useMemo } from 'react';
import type { BetPayload } from '../../../../common/protocol/payloads';
import { LIST_REFRESH_MS } from '../../app/list-refresh';
import { useDetailDialog } from '../../app/use-detail-dialog';
import { useNow } from '../../app/use-now';
import { useRevealOnce } from '../../app/use-reveal';
import { useThrottled } from '../../app/use-throttled';
import { JsonBlock } from '../../components/JsonBlock';
import { Modal } from '../../components/Modal';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { finite, matchesQuery, parseTime } from '../../components/text-search';
import { type GridColumn, VirtualGrid } from '../../components/VirtualGrid';
import { betStatusLabel } from '../../i18n/bet-status';
import { useI18n } from '../../i18n/i18n-context';
import { type HedgeState, hedgeState } from '../../store/record-keys';
import { useDashboard } from '../../store/use-dashboard';
import { newestFirst } from '../orders/order-index';

const SEARCH_FIELDS = ['betId', 'orderId', 'bookmaker', 'betStatus', 'bookmakerBetId', 'client'];
const betKey = (bet: BetPayload) => bet.betId;

const TONES: Record<HedgeState, Tone> = {
  placed: 'ok',
  pending: 'warn',
  declined: 'danger',
  other: 'muted',
};

/** Hedge bets, newest first: status, bookmaker, price, stake and their order. */
export function Hedges({
  query,
  onQueryChange,
  focus,
  onOpenOrder,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  focus: { id: string; serial: number } | null;
  onOpenOrder: (orderId: string) => void;
}) {
  const { t, fmt } = useI18n();
  // Only to tell today from other days in the Placed column.
  const now = useNow(60_000);
  const bets = useThrottled(
    useDashboard((s) => s.bets),
    LIST_REFRESH_MS,
  );
  const searchId = useId();
  const [detail, setDetail] = useDetailDialog<BetPayload>(focus?.serial);
  const all = useMemo(() => newestFirst(bets), [bets]);
  const rows = useMemo(
    () => all.filter((bet) => matchesQuery(bet, SEARCH_FIELDS, query)),
    [all, query],
  );
  // A bet opened from elsewhere is shown even when the search set here would hide it.
  useRevealOnce(focus?.serial, focus ? bets.get(focus.id) : undefined, (bet) => {
    if (!matchesQuery(bet, SEARCH_FIELDS, query)) onQueryChange('');
  });

  const columns = useMemo<GridColumn<BetPayload>[]>(
    () => [
      {
        id: 'bet',
        header: t('hedges.col.bet'),
        width: '6rem',
        cell: (b) => <span className="num strong">{b.betId}</span>,
      },
      {
        id: 'status',
        header: t('hedges.col.status'),
        width: '6.5rem',
        cell: (b) => (
          <StatusBadge text={betStatusLabel(t, b.betStatus)} tone={TONES[hedgeState(b)]} />
        ),
      },
      {
        id: 'bookmaker',
        header: t('hedges.col.bookmaker'),
        width: 'minmax(7rem, 1fr)',
        cell: (b) => <span>{b.bookmaker ?? '—'}</span>,
      },
      {
        id: 'price',
        header: t('hedges.col.price'),
        width: '5rem',
        align: 'end',
        cell: (b) => {
          const price = finite(b.placedPrice);
          return <span className="num">{price === null ? '—' : fmt.odds(price)}</span>;
        },
      },
      {
        id: 'stake',
        header: t('hedges.col.stake'),
        width: '6rem',
        align: 'end',
        cell: (b) => {
          const stake = finite(b.placedStake);
          return <span className="num">{stake === null ? '—' : fmt.money(stake)}</span>;
        },
      },
      {
        id: 'order',
        header: t('hedges.col.order'),
        width: 'minmax(6rem, 0.8fr)',
        cell: (b) => <span className="num">{b.orderId ?? '—'}</span>,
      },
      {
        id: 'placed',
        header: t('hedges.col.placed'),
        width: '9.5rem',
        cell: (b) => {
          const at = parseTime(b.placedAt);
          return <span className="num muted">{at === null ? '—' : fmt.when(at, now)}</span>;
        },
      },
    ],
    [t, fmt, now],
  );

  const rowClass = useCallback(
    (b: BetPayload) => (hedgeState(b) === 'declined' ? 'row-warn' : undefined),
    [],
  );
  const highlight = focus ? { key: focus.id, serial: focus.serial } : null;
  const current = detail ? (bets.get(detail.betId) ?? detail) : null;

  return (
    <div className="view-grid">
      <div className="toolbar">
        <span className="control grow">
          <label htmlFor={searchId}>{t('hedges.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
          />
        </span>
        <span className="muted num count">
          {t('hedges.count', { shown: fmt.count(rows.length), total: fmt.count(all.length) })}
        </span>
      </div>
      {focus !== null && !bets.has(focus.id) && (
        <p className="notice">{t('hedges.notFound', { id: focus.id })}</p>
      )}
      <VirtualGrid
        label={t('hedges.label')}
        rows={rows}
        columns={columns}
        rowKey={betKey}
        rowClass={rowClass}
        highlight={highlight}
        anchorScroll
        emptyText={t('hedges.empty')}
        onActivate={setDetail}
      />
      {current && (
        <Modal
          title={t('feed.subject.bet', { id: current.betId })}
          closeLabel={t('detail.close')}
          onClose={() => setDetail(null)}
          actions={
            current.orderId ? (
              <button
                type="button"
                onClick={() => {
                  const orderId = current.orderId as string;
                  setDetail(null);
                  onOpenOrder(orderId);
                }}
              >
                {t('detail.openOrder', { id: current.orderId })}
              </button>
            ) : undefined
          }
        >
          <JsonBlock value={current} label={t('detail.record')} />
        </Modal>
      )}
    </div>
  );
}
