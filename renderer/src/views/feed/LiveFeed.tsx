import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { CHANNELS } from '../../../../common/protocol/channels';
import { LIST_REFRESH_MS } from '../../app/list-refresh';
import { useNow } from '../../app/use-now';
import { useThrottled } from '../../app/use-throttled';
import { type GridColumn, VirtualGrid, type VirtualGridHandle } from '../../components/VirtualGrid';
import { useI18n } from '../../i18n/i18n-context';
import type { FeedEntry } from '../../store/dashboard-state';
import { hedgeState } from '../../store/record-keys';
import { useDashboard } from '../../store/use-dashboard';
import { ChangeList } from './ChangeList';
import { EventDetail } from './EventDetail';
import { changesOf, subjectOf, summaryOf } from './event-text';
import { type FeedFilter, filterEntries } from './feed-filter';

/** Why the list is held still; any one is enough. */
interface HoldReasons {
  scrolled: boolean;
  focused: boolean;
  paused: boolean;
  reading: boolean;
}

const entryKey = (entry: FeedEntry) => entry.id;

/**
 * Every event, newest first. While the user reads (scrolled down, a row focused, the
 * detail open, or paused by hand) the list holds still and counts what arrived meanwhile.
 */
export function LiveFeed({
  filter,
  onFilterChange,
  onOpenOrder,
}: {
  filter: FeedFilter;
  onFilterChange: (filter: FeedFilter) => void;
  onOpenOrder: (orderId: string) => void;
}) {
  const { t, tp, fmt } = useI18n();
  const live = useThrottled(
    useDashboard((s) => s.entries),
    LIST_REFRESH_MS,
  );
  const newestSeq = useDashboard((s) => s.entries[0]?.event.seq ?? null);
  const status = useDashboard((s) => s.status);
  const connected = status?.state === 'live';
  const now = useNow(60_000);
  // What the list showed when it stopped moving (held, not the store's newest).
  const [frozen, setFrozen] = useState<readonly FeedEntry[] | null>(null);
  const shownRef = useRef(live);
  shownRef.current = live;
  const [paused, setPaused] = useState(false);
  const [detail, setDetail] = useState<FeedEntry | null>(null);
  const holds = useRef<HoldReasons>({
    scrolled: false,
    focused: false,
    paused: false,
    reading: false,
  });
  const gridRef = useRef<VirtualGridHandle>(null);
  const ids = useId();

  const hold = useCallback((change: Partial<HoldReasons>) => {
    const reasons = Object.assign(holds.current, change);
    const still = reasons.scrolled || reasons.focused || reasons.paused || reasons.reading;
    setFrozen((current) => (still ? (current ?? shownRef.current) : null));
  }, []);

  const shown = frozen ?? live;
  const rows = useMemo(() => filterEntries(shown, filter), [shown, filter]);
  // Sequence numbers count every event of the feed (across restarts and reloads, which
  // bring events the list had already), so the newest held one says how many came since.
  const heldSeq = frozen?.[0]?.event.seq;
  const waiting =
    heldSeq !== undefined && newestSeq !== null ? Math.max(0, newestSeq - heldSeq) : 0;

  const columns = useMemo<GridColumn<FeedEntry>[]>(
    () => [
      {
        id: 'time',
        header: t('feed.col.time'),
        // Room for a date: an event from before today shows it.
        width: '9.5rem',
        cell: ({ event }) => <span className="num">{fmt.when(event.receivedAt, now)}</span>,
      },
      {
        id: 'channel',
        header: t('feed.col.channel'),
        width: '6rem',
        cell: ({ event }) => (
          <span className={`chan chan-${event.channel}`}>{t(`channel.${event.channel}`)}</span>
        ),
      },
      {
        id: 'event',
        header: t('feed.col.event'),
        width: '4.6rem',
        cell: ({ event }) => <span className="kind">{event.event}</span>,
      },
      {
        id: 'subject',
        header: t('feed.col.subject'),
        width: 'minmax(9rem, 0.9fr)',
        cell: ({ event }) => <span className="subject">{subjectOf(event, t)}</span>,
      },
      {
        id: 'details',
        header: t('feed.col.details'),
        width: 'minmax(12rem, 2.4fr)',
        cell: ({ event }) => {
          const changes = changesOf(event);
          return changes.length > 0 ? (
            <ChangeList changes={changes} />
          ) : (
            <span>{summaryOf(event, t, fmt)}</span>
          );
        },
      },
    ],
    [t, fmt, now],
  );

  const rowClass = useCallback(({ event }: FeedEntry) => {
    if (event.channel === 'emergency') return event.record.emergency ? 'row-danger' : undefined;
    if (event.channel === 'bets') {
      return hedgeState(event.record) === 'declined' ? 'row-warn' : undefined;
    }
    return undefined;
  }, []);

  const showLatest = () => {
    setPaused(false);
    gridRef.current?.scrollToTop();
    hold({ paused: false, scrolled: false });
  };

  const setField = <K extends keyof FeedFilter>(key: K, value: FeedFilter[K]) =>
    onFilterChange({ ...filter, [key]: value });

  return (
    <div className="view-feed">
      <div className="toolbar">
        <span className="control">
          <label htmlFor={`${ids}-channel`}>{t('feed.channel')}</label>
          <select
            id={`${ids}-channel`}
            value={filter.channel}
            onChange={(e) => setField('channel', e.target.value as FeedFilter['channel'])}
          >
            <option value="all">{t('feed.all')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="control">
          <label htmlFor={`${ids}-kind`}>{t('feed.kind')}</label>
          <select
            id={`${ids}-kind`}
            value={filter.kind}
            onChange={(e) => setField('kind', e.target.value as FeedFilter['kind'])}
          >
            <option value="all">{t('feed.all')}</option>
            <option value="INSERT">INSERT</option>
            <option value="UPDATE">UPDATE</option>
          </select>
        </span>
        <span className="control grow">
          <label htmlFor={`${ids}-search`}>{t('feed.search')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            value={filter.text}
            placeholder={t('feed.searchPlaceholder')}
            onChange={(e) => setField('text', e.target.value)}
          />
        </span>
        <span className="muted num count">
          {t('feed.count', { shown: fmt.count(rows.length), total: fmt.count(shown.length) })}
        </span>
        {frozen ? (
          <span className="feed-state paused">
            <span>{t('feed.paused')}</span>
            {waiting > 0 && <strong className="num">{tp('feed.newEvents', waiting)}</strong>}
            <button type="button" className="small primary" onClick={showLatest}>
              {t('feed.showLatest')}
            </button>
          </span>
        ) : (
          connected && (
            <span className="feed-state">
              <span className="live-dot" aria-hidden="true" />
              <span>{t('feed.live')}</span>
            </span>
          )
        )}
        {status && !connected && (
          <span className="feed-state not-connected">
            {t('stale.notConnected', { time: fmt.when(status.since, now) })}
          </span>
        )}
        <button
          type="button"
          className="small"
          aria-pressed={paused}
          onClick={() => {
            setPaused(!paused);
            hold({ paused: !paused });
          }}
        >
          {t('feed.pause')}
        </button>
      </div>
      <VirtualGrid
        label={t('feed.label')}
        rows={rows}
        columns={columns}
        rowKey={entryKey}
        rowClass={rowClass}
        emptyText={t('feed.empty')}
        onActivate={(entry) => {
          hold({ reading: true });
          setDetail(entry);
        }}
        onAwayFromTop={(away) => hold({ scrolled: away })}
        onFocusChange={(focused) => hold({ focused })}
        handleRef={gridRef}
      />
      {detail && (
        <EventDetail
          entry={detail}
          onClose={() => {
            setDetail(null);
            hold({ reading: false });
          }}
          onOpenOrder={(orderId) => {
            setDetail(null);
            hold({ reading: false });
            onOpenOrder(orderId);
          }}
        />
      )}
    </div>
  );
}
