import type {
  AccountRecord,
  BetRecord,
  ChangeListener,
  ClientSetup,
  EmergencyRecord,
  FixtureRecord,
  ModelChange,
  OrderRecord,
  SystemTradingFlags,
  TradingFlags,
  TradingStatus,
} from './model-types';
import { FINISHED_ORDER_STATUSES } from './model-types';
import { RecentMap } from './recent-map';
import { applyChanges } from './record-diff';

interface ClientBook {
  name: string;
  openOrders: Map<number, OrderRecord>;
  recentOrders: RecentMap<number, OrderRecord>;
  pendingBets: Map<number, BetRecord>;
  recentBets: RecentMap<number, BetRecord>;
  accounts: Map<string, AccountRecord>;
  trading: TradingFlags;
}

export interface MarketModelOptions {
  clients: ClientSetup[];
  /** Finished orders and settled bets kept per client for later reading; older ones are forgotten. */
  historyLimit?: number;
  /** Epoch milliseconds used for timestamps the model writes itself (cancellations). */
  clock?: () => number;
}

export interface ModelSizes {
  openOrders: number;
  recentOrders: number;
  pendingBets: number;
  recentBets: number;
  accounts: number;
  fixtures: number;
}

export interface CancelFilter {
  exchange?: string;
  fixtureId?: string;
  /** Orders for which this is true stay open (an exchange that does not answer). */
  skip?: (order: OrderRecord) => boolean;
}

const LIVE_FLAGS: TradingFlags = {
  manualPaused: false,
  manualPausedAt: null,
  manualPauseReason: null,
  manualStopped: false,
  manualStoppedAt: null,
  manualStopReason: null,
};

/**
 * The simulated business state of the engine: every client's orders, hedge bets,
 * accounts and trading switches, plus the global scores and emergency flag. It knows
 * nothing of sockets: each change is handed to the listeners, which broadcast it.
 */
export class MarketModel {
  private readonly books = new Map<string, ClientBook>();
  private readonly fixtureRecords = new Map<string, FixtureRecord>();
  private emergencyRecord: EmergencyRecord = { emergency: false, reason: null, triggeredAt: null };
  private systemFlags: SystemTradingFlags = {
    softPaused: false,
    systemStopped: false,
    reason: null,
    since: null,
  };
  private readonly listeners = new Set<ChangeListener>();
  private readonly historyLimit: number;
  clock: () => number;

  constructor(options: MarketModelOptions) {
    this.historyLimit = options.historyLimit ?? 200;
    this.clock = options.clock ?? Date.now;
    for (const setup of options.clients) this.addClient(setup);
  }

  addClient(setup: ClientSetup): void {
    if (this.books.has(setup.client)) return;
    this.books.set(setup.client, {
      name: setup.name,
      openOrders: new Map(),
      recentOrders: new RecentMap(this.historyLimit),
      pendingBets: new Map(),
      recentBets: new RecentMap(this.historyLimit),
      accounts: new Map(setup.accounts.map((a) => [a.username, { ...a }])),
      trading: { ...LIVE_FLAGS },
    });
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Reading

  clientIds(): string[] {
    return [...this.books.keys()];
  }

  clientName(client: string): string | undefined {
    return this.books.get(client)?.name;
  }

  openOrders(client: string): OrderRecord[] {
    return [...this.book(client).openOrders.values()];
  }

  /** Open orders first, then the most recently finished ones. */
  orders(client: string): OrderRecord[] {
    const book = this.book(client);
    return [...book.openOrders.values(), ...book.recentOrders.values()];
  }

  order(client: string, orderId: number): OrderRecord | undefined {
    const book = this.book(client);
    return book.openOrders.get(orderId) ?? book.recentOrders.get(orderId);
  }

  bets(client: string): BetRecord[] {
    const book = this.book(client);
    return [...book.pendingBets.values(), ...book.recentBets.values()];
  }

  bet(client: string, betId: number): BetRecord | undefined {
    const book = this.book(client);
    return book.pendingBets.get(betId) ?? book.recentBets.get(betId);
  }

  pendingBets(client: string): BetRecord[] {
    return [...this.book(client).pendingBets.values()];
  }

  accounts(client: string): AccountRecord[] {
    return [...this.book(client).accounts.values()];
  }

  account(client: string, username: string): AccountRecord | undefined {
    return this.book(client).accounts.get(username);
  }

  fixtures(): FixtureRecord[] {
    return [...this.fixtureRecords.values()];
  }

  fixture(fixtureId: string): FixtureRecord | undefined {
    return this.fixtureRecords.get(fixtureId);
  }

  emergency(): EmergencyRecord {
    return { ...this.emergencyRecord };
  }

  get emergencyActive(): boolean {
    return this.emergencyRecord.emergency;
  }

  trading(client: string): TradingFlags {
    return { ...this.book(client).trading };
  }

  systemTrading(): SystemTradingFlags {
    return { ...this.systemFlags };
  }

  /** The most severe block wins: engine-wide ones first, then the client's own. */
  tradingStatus(client: string): TradingStatus {
    const { manualPaused, manualStopped } = this.book(client).trading;
    if (this.emergencyRecord.emergency) return 'emergency';
    if (this.systemFlags.systemStopped) return 'system_stopped';
    if (manualStopped) return 'manual_stopped';
    if (this.systemFlags.softPaused) return 'soft_paused';
    if (manualPaused) return 'manual_paused';
    return 'live';
  }

  canPlaceOrders(client: string): boolean {
    return this.tradingStatus(client) === 'live';
  }

  sizes(): ModelSizes {
    const sizes: ModelSizes = {
      openOrders: 0,
      recentOrders: 0,
      pendingBets: 0,
      recentBets: 0,
      accounts: 0,
      fixtures: this.fixtureRecords.size,
    };
    for (const book of this.books.values()) {
      sizes.openOrders += book.openOrders.size;
      sizes.recentOrders += book.recentOrders.size;
      sizes.pendingBets += book.pendingBets.size;
      sizes.recentBets += book.recentBets.size;
      sizes.accounts += book.accounts.size;
    }
    return sizes;
  }

  // Orders

  insertOrder(client: string, order: OrderRecord): ModelChange {
    const book = this.book(client);
    const record = { ...order };
    if (FINISHED_ORDER_STATUSES.includes(record.orderStatus)) {
      book.recentOrders.set(record.orderId, record);
    } else {
      book.openOrders.set(record.orderId, record);
    }
    return this.emit({ channel: 'orders', event: 'INSERT', client, payload: { ...record } });
  }

  updateOrder(client: string, orderId: number, changes: Partial<OrderRecord>): ModelChange | null {
    const book = this.book(client);
    const record = book.openOrders.get(orderId) ?? book.recentOrders.get(orderId);
    if (!record) return null;
    const old = applyChanges(record, changes);
    if (!old) return null;
    if (FINISHED_ORDER_STATUSES.includes(record.orderStatus) && book.openOrders.delete(orderId)) {
      book.recentOrders.set(orderId, record);
    }
    return this.emit({ channel: 'orders', event: 'UPDATE', client, payload: { ...record }, old });
  }

  cancelOrder(client: string, orderId: number): ModelChange | null {
    const order = this.book(client).openOrders.get(orderId);
    if (!order) return null;
    return this.updateOrder(client, orderId, {
      orderStatus: 'CANCELLED',
      updatedAt: this.timestamp(),
    });
  }

  cancelAllOrders(client: string, filter: CancelFilter = {}): ModelChange[] {
    const changes: ModelChange[] = [];
    for (const order of this.openOrders(client)) {
      if (filter.exchange !== undefined && order.exchange !== filter.exchange) continue;
      if (filter.fixtureId !== undefined && order.fixtureId !== filter.fixtureId) continue;
      if (filter.skip?.(order)) continue;
      const change = this.cancelOrder(client, order.orderId);
      if (change) changes.push(change);
    }
    return changes;
  }

  // Bets

  insertBet(client: string, bet: BetRecord): ModelChange {
    const book = this.book(client);
    const record = { ...bet };
    if (record.betStatus === 'pending') book.pendingBets.set(record.betId, record);
    else book.recentBets.set(record.betId, record);
    return this.emit({ channel: 'bets', event: 'INSERT', client, payload: { ...record } });
  }

  updateBet(client: string, betId: number, changes: Partial<BetRecord>): ModelChange | null {
    const book = this.book(client);
    const record = book.pendingBets.get(betId) ?? book.recentBets.get(betId);
    if (!record) return null;
    const old = applyChanges(record, changes);
    if (!old) return null;
    if (record.betStatus !== 'pending' && book.pendingBets.delete(betId)) {
      book.recentBets.set(betId, record);
    }
    return this.emit({ channel: 'bets', event: 'UPDATE', client, payload: { ...record }, old });
  }

  // Accounts

  updateAccount(
    client: string,
    username: string,
    changes: Partial<AccountRecord>,
  ): ModelChange | null {
    const record = this.book(client).accounts.get(username);
    if (!record) return null;
    const old = applyChanges(record, changes);
    if (!old) return null;
    return this.emit({ channel: 'accounts', event: 'UPDATE', client, payload: { ...record }, old });
  }

  // Scores

  /** Adds a fixture silently: the scores channel only ever carries UPDATEs. */
  addFixture(fixture: FixtureRecord): void {
    this.fixtureRecords.set(fixture.fixtureId, { ...fixture, scores: { ...fixture.scores } });
  }

  removeFixture(fixtureId: string): void {
    this.fixtureRecords.delete(fixtureId);
  }

  updateFixture(fixtureId: string, changes: Partial<FixtureRecord>): ModelChange | null {
    const record = this.fixtureRecords.get(fixtureId);
    if (!record) return null;
    const old = applyChanges(record, changes);
    if (!old) return null;
    return this.emit({ channel: 'scores', event: 'UPDATE', payload: { ...record }, old });
  }

  // Emergency and trading switches

  /** Raises or clears the emergency; asking for the state it is already in changes nothing. */
  setEmergency(active: boolean, reason: string | null = null): ModelChange | null {
    if (this.emergencyRecord.emergency === active) return null;
    const changes: EmergencyRecord = {
      emergency: active,
      reason,
      triggeredAt: active ? this.timestamp() : null,
    };
    const old = applyChanges(this.emergencyRecord, changes);
    if (!old) return null;
    return this.emit({
      channel: 'emergency',
      event: 'UPDATE',
      payload: { ...this.emergencyRecord },
      old,
    });
  }

  /** Pause: resting orders stay, no new ones are posted. Returns false if already paused. */
  pauseTrading(client: string, reason: string | null = null): boolean {
    const trading = this.book(client).trading;
    if (trading.manualPaused) return false;
    Object.assign(trading, {
      manualPaused: true,
      manualPausedAt: this.timestamp(),
      manualPauseReason: reason,
    });
    return true;
  }

  /** Returns false if it was not paused. */
  resumeTrading(client: string): boolean {
    const trading = this.book(client).trading;
    if (!trading.manualPaused) return false;
    Object.assign(trading, { manualPaused: false, manualPausedAt: null, manualPauseReason: null });
    return true;
  }

  /**
   * Stop: every open order is cancelled (but those `skip` keeps, for a simulated
   * exchange failure) and no new ones are posted. Returns the cancellations.
   */
  stopTrading(
    client: string,
    options: { reason?: string | null; skip?: (order: OrderRecord) => boolean } = {},
  ): ModelChange[] {
    const trading = this.book(client).trading;
    if (!trading.manualStopped) {
      Object.assign(trading, {
        manualStopped: true,
        manualStoppedAt: this.timestamp(),
        manualStopReason: options.reason ?? null,
      });
    }
    return this.cancelAllOrders(client, options.skip ? { skip: options.skip } : {});
  }

  /** Clears a stop and a pause. Returns false if neither was set. */
  startTrading(client: string): boolean {
    const trading = this.book(client).trading;
    const changed = trading.manualStopped || trading.manualPaused;
    Object.assign(trading, LIVE_FLAGS);
    return changed;
  }

  /** An engine-wide soft pause (set by the engine's own safety checks, not by clients). */
  setSoftPaused(active: boolean, reason: string | null = null): void {
    this.setSystemFlag('softPaused', active, reason);
  }

  /** An engine-wide stop (by the operator, not by clients). */
  setSystemStopped(active: boolean, reason: string | null = null): void {
    this.setSystemFlag('systemStopped', active, reason);
  }

  private setSystemFlag(
    flag: 'softPaused' | 'systemStopped',
    active: boolean,
    reason: string | null,
  ): void {
    const flags = { ...this.systemFlags, [flag]: active };
    const blocked = flags.softPaused || flags.systemStopped;
    this.systemFlags = {
      ...flags,
      reason: active ? reason : blocked ? flags.reason : null,
      since: blocked ? (this.systemFlags.since ?? this.timestamp()) : null,
    };
  }

  private book(client: string): ClientBook {
    const book = this.books.get(client);
    if (!book) throw new Error(`unknown client: ${client}`);
    return book;
  }

  private timestamp(): string {
    return new Date(this.clock()).toISOString();
  }

  private emit(change: ModelChange): ModelChange {
    for (const listener of this.listeners) listener(change);
    return change;
  }
}
