import { useEffect, useRef, useState } from 'react';
import { Announcements } from '../components/Announcements';
import { EmergencyBanner } from '../components/EmergencyBanner';
import { GapNotice } from '../components/GapNotice';
import { Header } from '../components/Header';
import { ResyncNotice } from '../components/ResyncNotice';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard, useStore } from '../store/use-dashboard';
import { type FeedFilter, NO_FILTER } from '../views/feed/feed-filter';
import { LiveFeed } from '../views/feed/LiveFeed';
import { Hedges } from '../views/hedges/Hedges';
import { Orders, type OrdersQuery } from '../views/orders/Orders';
import { Overview } from '../views/overview/Overview';
import { Scores } from '../views/scores/Scores';
import { Settings } from '../views/settings/Settings';
import { type Focus, VIEWS, type View, viewForTarget } from './views';

/** The header, the view switcher and the current view; navigation requests pick the view. */
export function Dashboard() {
  const { t, tp, fmt } = useI18n();
  const store = useStore();
  const navigation = useDashboard((s) => s.navigation);
  const unhedged = useDashboard((s) => s.missingHedges.fillsMissingHedge);
  const [view, setView] = useState<View>('overview');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [feedFilter, setFeedFilter] = useState<FeedFilter>(NO_FILTER);
  const [ordersQuery, setOrdersQuery] = useState<OrdersQuery>({ text: '', openOnly: false });
  const [hedgesQuery, setHedgesQuery] = useState('');
  const connectionRef = useRef<HTMLElement>(null);
  const bannerRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!navigation) return;
    const next = viewForTarget(navigation.target, navigation.serial);
    setView(next.view);
    setFocus(next.focus);
  }, [navigation]);

  useEffect(() => {
    if (focus?.kind === 'emergency') bannerRef.current?.focus();
    if (focus?.kind === 'connection') connectionRef.current?.focus();
  }, [focus]);

  const openOrder = (orderId: string) => store.navigate({ view: 'order', orderId });
  const select = (next: View) => {
    setView(next);
    setFocus(null);
  };

  return (
    <div className="app">
      <Header connectionRef={connectionRef} />
      <EmergencyBanner bannerRef={bannerRef} />
      <GapNotice />
      <ResyncNotice />
      <Announcements />
      <nav className="tabs" aria-label={t('nav.label')}>
        {VIEWS.map((name) => (
          <button
            type="button"
            key={name}
            className="tab"
            aria-current={name === view ? 'page' : undefined}
            onClick={() => select(name)}
          >
            {t(`nav.${name}`)}
            {name === 'overview' && unhedged > 0 && (
              <>
                {' '}
                <span className="tab-count" aria-hidden="true">
                  {fmt.count(unhedged)}
                </span>
                <span className="sr-only">{tp('nav.unhedged', unhedged)}</span>
              </>
            )}
          </button>
        ))}
      </nav>
      <main className="view" aria-label={t(`nav.${view}`)}>
        {view === 'overview' && (
          <Overview onOpenOrder={openOrder} onNavigate={(target) => store.navigate(target)} />
        )}
        {view === 'feed' && (
          <LiveFeed filter={feedFilter} onFilterChange={setFeedFilter} onOpenOrder={openOrder} />
        )}
        {view === 'orders' && (
          <Orders
            query={ordersQuery}
            onQueryChange={setOrdersQuery}
            focus={focus?.kind === 'order' ? focus : null}
          />
        )}
        {view === 'hedges' && (
          <Hedges
            query={hedgesQuery}
            onQueryChange={setHedgesQuery}
            focus={focus?.kind === 'bet' ? focus : null}
            onOpenOrder={openOrder}
          />
        )}
        {view === 'scores' && <Scores />}
        {view === 'settings' && (
          <Settings focusKey={focus?.kind === 'api-key' ? focus.serial : null} />
        )}
      </main>
    </div>
  );
}
