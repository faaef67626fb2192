import type { PositionsSummary } from '../../common/rest/positions-summary';
import type { RestSnapshot } from '../../common/rest/snapshot';
import type { FeedEngine } from '../engine';
import type { RestClient } from '../rest';
import { isGapNews } from '../store/gap-news';
import type { BetRecord, OrderRecord } from '../store/records';
import { type GapBets, lookUpBets, lookUpGapBets } from './bet-lookup';
import { lookUpOrders, type OrderLookup } from './order-lookup';

export type ReconcileClient = Pick<RestClient, 'positionsSummary' | 'orders'> &
  Partial<Pick<RestClient, 'bets'>>;

export interface ReconciliationOptions {
  client: ReconcileClient;
  engine: Pick<FeedEngine, 'store' | 'mergeState'>;
  /** Told the stale orders a complete lookup did not find, each once. */
  onUnresolved: (orderIds: string[], at: number) => void;
}

/** What one reconciliation read besides the snapshot, in the order it was asked for. */
export type ReconcileLookups = [
  positions: PositionsSummary | null,
  orders: OrderLookup | null,
  olderBets: BetRecord[] | null,
  gapBets: GapBets,
];

/** What reconciliation keeps from one pass to the next. */
class CarriedState {
  /**
   * Since when (epoch ms) the feed may have missed updates that no reconciliation has
   * repaired yet: set when a live feed goes down, moved back to the start of the gap the
   * connection reports. Null until the feed was first live: what happened before the app
   * listened is history, not news.
   */
  missedSince: number | null = null;
  /**
   * Orders the store holds as open that the server no longer lists as open and a lookup
   * did not find. They stay in the store as last known (their final state, a fill or a
   * cancel, is not known, and inventing one would be worse), are reported once, are not
   * counted in the open-order estimate, and are not paged for again (found only if a later
   * lookup reads them anyway). Pruned when the store no longer holds them as open.
   */
  readonly unresolved = new Set<string>();
  /** True while a merge runs: the statuses it makes the engine publish are ours. */
  merging = false;
  /** The last pass read the gap without a failure, but the page limit stopped it. */
  gapReadCapped = false;
}

/**
 * Merges a REST snapshot into the engine's store, with the orders the store held as open
 * that the server no longer lists as open (looked up back to the day they were created,
 * order-lookup.ts), the bets it held as pending from before today (bet-lookup.ts), and
 * after a gap the orders that tell what the feed missed, as news, with the hedges placed
 * in the gap before today.
 */
export class Reconciliation {
  private readonly state = new CarriedState();

  constructor(private readonly options: ReconciliationOptions) {}

  /** Whether a merge is running now. */
  get merging(): boolean {
    return this.state.merging;
  }

  /** Updates from `at` on may have been missed: the next pass reads them. */
  noteMissedFrom(at: number): void {
    if (!Number.isFinite(at)) return;
    const { missedSince } = this.state;
    this.state.missedSince = missedSince === null ? at : Math.min(missedSince, at);
  }

  /** Whether updates the feed may have missed are still to be read (missedSince is set). */
  get gapUnrepaired(): boolean {
    return this.state.missedSince !== null;
  }

  /**
   * The last pass read the gap as far as the page limit allows, not to its start: fills
   * made early in it may be missing. Not read again (see merge).
   */
  get gapReadCapped(): boolean {
    return this.state.gapReadCapped;
  }

  /** The store's open orders, less those the server no longer lists as open. */
  openOrderEstimate(): number {
    const open = this.options.engine.store.openOrders();
    const { unresolved } = this.state;
    if (unresolved.size === 0) return open.length;
    return open.filter((order) => !unresolved.has(String(order.orderId))).length;
  }

  /** Starts a pass; call it before the snapshot is requested. */
  begin(): ReconcilePass {
    return new ReconcilePass(this.options, this.state);
  }
}

/** The stale orders found when a pass's snapshot arrived. */
interface StaleOrders {
  snapshot: RestSnapshot;
  openIds: ReadonlySet<string>;
  staleIds: ReadonlySet<string>;
  /** The stale orders to look up (not already unresolved). */
  wanted: OrderRecord[];
}

/** One reconciliation: begin (Reconciliation.begin), lookUp, then merge. */
export class ReconcilePass {
  private readonly missedSince: number | null;
  private readonly emergencyBroadcasts: number;
  private readonly accountBroadcasts: number;
  private stale: StaleOrders | undefined;

  constructor(
    private readonly options: ReconciliationOptions,
    private readonly state: CarriedState,
  ) {
    this.missedSince = state.missedSince;
    this.emergencyBroadcasts = options.engine.store.emergencyBroadcasts;
    this.accountBroadcasts = options.engine.store.accountBroadcasts;
  }

  /**
   * Reads what the snapshot does not tell: positions, stale and missed orders, older bets,
   * and the hedges placed in the gap before today.
   */
  lookUp(snapshot: RestSnapshot): Promise<ReconcileLookups> {
    const { client } = this.options;
    const { unresolved } = this.state;
    const missedSince = this.missedSince;
    const openIds = new Set(snapshot.openOrders.map((o) => String(o.record.orderId)));
    const stale = this.staleOpenOrders(openIds);
    const staleIds = new Set(stale.map((o) => String(o.orderId)));
    for (const id of unresolved) if (!staleIds.has(id)) unresolved.delete(id);
    const wanted = stale.filter((o) => !unresolved.has(String(o.orderId)));
    this.stale = { snapshot, openIds, staleIds, wanted };
    const day = { from: snapshot.day, to: snapshot.day };
    return Promise.all([
      // Optional: the dashboard shows it when the server serves it.
      client.positionsSummary(day).catch((): PositionsSummary | null => null),
      wanted.length > 0 || missedSince !== null
        ? lookUpOrders(client, { today: snapshot.day, wanted, missedSince })
        : { orders: [], complete: true, pageFailed: false },
      this.lookUpStaleBets(snapshot),
      missedSince !== null && client.bets
        ? lookUpGapBets({ bets: client.bets.bind(client) }, snapshot.day, missedSince)
        : { bets: [], complete: true, capped: false },
    ]);
  }

  /**
   * Merges the snapshot and what lookUp found into the engine. Returns whether an
   * emergency broadcast applied since the pass began is newer than the snapshot: then the
   * snapshot's emergency and trading status are left out (the broadcast's status change
   * reads the trading status again).
   */
  merge(lookups: ReconcileLookups, now: number): { emergencyNewer: boolean } {
    if (!this.stale) throw new Error('merge before lookUp');
    const { snapshot, openIds, staleIds, wanted } = this.stale;
    const { engine } = this.options;
    const missedSince = this.missedSince;
    const [, lookup, olderBets, gapBets] = lookups;
    const looked = lookup?.orders ?? [];
    const closed = looked.filter((o) => staleIds.has(String(o.orderId)));
    const missed =
      missedSince === null ? [] : this.missedOrders(looked, openIds, staleIds, missedSince);
    const status = snapshot.tradingStatus;
    const emergencyNewer = engine.store.emergencyBroadcasts !== this.emergencyBroadcasts;
    this.state.merging = true;
    try {
      engine.mergeState(
        {
          orders: [...snapshot.openOrders.map((o) => o.record), ...closed, ...missed],
          bets: [...snapshot.bets.map((b) => b.record), ...(olderBets ?? []), ...gapBets.bets],
          accounts: snapshot.accounts.map((a) => a.record),
          accountsReadAt: this.accountBroadcasts,
          ...(emergencyNewer
            ? {}
            : {
                emergency: {
                  active: status.emergencyActive,
                  reason: status.systemReason ?? null,
                },
              }),
          ...(missedSince === null ? {} : { news: { since: missedSince } }),
        },
        now,
      );
    } finally {
      this.state.merging = false;
    }
    // A page that failed leaves the gap unrepaired: the next reconciliation reads it again
    // (a hedge found then covers the fill reported now). The page limit coming first does
    // not: reading again would stop there again, at the cost of the whole read each time
    // (and of every later reconnect's): it is told once (gapReadCapped), and the gap left.
    const failed = lookup === null || lookup.pageFailed || (!gapBets.complete && !gapBets.capped);
    this.state.gapReadCapped =
      !failed && (!lookup.complete || gapBets.capped) && this.state.missedSince !== null;
    if (!failed) this.state.missedSince = null;
    // After a failed page, an order not found may be on a page not read: not unresolved.
    // The page limit is where the search ends on purpose: one not found by then is.
    if (lookup) this.noteUnresolved(lookup.pageFailed ? [] : wanted, closed, now);
    return { emergencyNewer };
  }

  /** Orders the store holds as open that the snapshot no longer lists as open. */
  private staleOpenOrders(openIds: ReadonlySet<string>): OrderRecord[] {
    return this.options.engine.store
      .openOrders()
      .filter((order) => !openIds.has(String(order.orderId)));
  }

  /**
   * Bets the store holds as pending that the snapshot (today's bets) does not list: placed
   * before UTC midnight; read back to their day. Null when none could be read.
   */
  private async lookUpStaleBets(snapshot: RestSnapshot): Promise<BetRecord[] | null> {
    const { client, engine } = this.options;
    if (!client.bets) return null;
    const listed = new Set(snapshot.bets.map((b) => String(b.record.betId)));
    const stale = engine.store.pendingBets().filter((bet) => !listed.has(String(bet.betId)));
    if (stale.length === 0) return [];
    return lookUpBets({ bets: client.bets.bind(client) }, snapshot.day, stale);
  }

  /** Remembers (and tells, once) the wanted orders a lookup did not find. */
  private noteUnresolved(
    wanted: readonly OrderRecord[],
    found: readonly OrderRecord[],
    now: number,
  ): void {
    const { unresolved } = this.state;
    const foundIds = new Set(found.map((o) => String(o.orderId)));
    for (const id of foundIds) unresolved.delete(id);
    const fresh: string[] = [];
    for (const order of wanted) {
      const id = String(order.orderId);
      if (foundIds.has(id) || unresolved.has(id)) continue;
      unresolved.add(id);
      fresh.push(id);
    }
    if (fresh.length > 0) this.options.onUnresolved(fresh, now);
  }

  /**
   * Orders looked up that tell what the feed missed since `since` (gap-news.ts), other
   * than those the snapshot lists as open or the stale lookup already takes.
   */
  private missedOrders(
    orders: readonly OrderRecord[],
    openIds: ReadonlySet<string>,
    staleIds: ReadonlySet<string>,
    since: number,
  ): OrderRecord[] {
    const store = this.options.engine.store;
    return orders.filter((order) => {
      const id = String(order.orderId);
      if (openIds.has(id) || staleIds.has(id)) return false;
      // Its stored copy may hide a fill made in the gap, taken in uncounted (a price tick
      // broadcast before this read): the merge judges that stake.
      return store.hasUncountedMatch(id) || isGapNews(store.order(id), order, since);
    });
  }
}
