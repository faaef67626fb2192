import type { MarketModel } from './market-model';
import type { BetRecord, BetStatus, ModelChange, OrderRecord } from './model-types';
import { Prng } from './prng';
import {
  BOOKMAKERS,
  EMERGENCY_REASONS,
  exchangeOrderId,
  ORDER_STAKES,
  round2,
  round3,
} from './scenario-data';
import { newFixture, nextFixtureChange } from './scenario-fixtures';
import {
  DEFAULT_SCENARIO_RATES,
  type ScenarioOptions,
  type ScenarioRates,
  validateRates,
} from './scenario-options';
import { ScenarioPacer } from './scenario-pacer';
import type { SimulatedClock } from './simulated-clock';

interface OrderRef {
  client: string;
  orderId: number;
}

interface PendingBetRef {
  client: string;
  betId: number;
  fate: 'placed' | 'declined';
}

type FollowUp =
  | { kind: 'hedge'; client: string; order: OrderRecord; stake: number }
  | { kind: 'balance'; client: string; username: string; delta: number };

export interface ScenarioStats {
  events: number;
  ordersPlaced: number;
  fills: number;
  fullFills: number;
  hedges: number;
  pendingHedges: number;
  declinedHedges: number;
  missingHedges: number;
  cancellations: number;
  emergencies: number;
  scoreUpdates: number;
}

/** What the generator itself holds in memory; all of it must stay bounded. */
export interface ScenarioSizes {
  placingOrders: number;
  restingOrders: number;
  pendingBets: number;
  followUps: number;
  fixtures: number;
}

/** The part of the scenario the simulator exposes. */
export interface ScenarioControl {
  /** Starts producing events on a timer at the configured rate. */
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Produces `count` events synchronously; returns how many were produced. */
  step(count?: number): number;
  setRate(eventsPerSecond: number): void;
  readonly eventsPerSecond: number;
  /** Changes outcome probabilities from now on. */
  configure(rates: Partial<ScenarioRates>): void;
  stats(): ScenarioStats;
  sizes(): ScenarioSizes;
}

/** Fills and other follow-ups may queue up to this many before they are forced out. */
const FOLLOW_UP_BACKLOG = 32;
const PENDING_BET_BACKLOG = 64;
const FOLLOW_UP_CHANCE = 0.6;
/** Order actions, relative weights (cancellation has its own rate). */
const WEIGHT_PLACE = 3;
const WEIGHT_CONFIRM = 4;
const WEIGHT_FILL = 3;
const WEIGHT_RESOLVE_BET = 2;
const WEIGHT_BALANCE_DRIFT = 0.3;
const FIRST_ORDER_ID = 100_001;
const FIRST_BET_ID = 500_001;

/**
 * A market-making day: orders placed, confirmed, filled and hedged, cancelled or
 * expired; balances moving; live scores; now and then an emergency. Every decision
 * comes from one seeded generator, so a seed (and start time) replays exactly.
 * Each event is one change of the model, which the transport broadcasts.
 */
export class Scenario implements ScenarioControl {
  private readonly prng: Prng;
  private readonly rates: ScenarioRates;
  private readonly pacer: ScenarioPacer;
  private readonly placing: OrderRef[] = [];
  private readonly resting: OrderRef[] = [];
  private readonly pendingBets: PendingBetRef[] = [];
  private readonly followUps: FollowUp[] = [];
  private readonly fixtureIds: string[] = [];
  private nextOrderId = FIRST_ORDER_ID;
  private nextBetId = FIRST_BET_ID;
  private emergencyEventsLeft = 0;
  private readonly counters: ScenarioStats = {
    events: 0,
    ordersPlaced: 0,
    fills: 0,
    fullFills: 0,
    hedges: 0,
    pendingHedges: 0,
    declinedHedges: 0,
    missingHedges: 0,
    cancellations: 0,
    emergencies: 0,
    scoreUpdates: 0,
  };

  constructor(
    private readonly model: MarketModel,
    private readonly clock: SimulatedClock,
    private readonly options: ScenarioOptions,
  ) {
    this.prng = new Prng(options.seed);
    this.rates = Object.fromEntries(
      Object.keys(DEFAULT_SCENARIO_RATES).map((name) => [
        name,
        options[name as keyof ScenarioRates],
      ]),
    ) as unknown as ScenarioRates;
    this.pacer = new ScenarioPacer((n) => this.step(n), options.eventsPerSecond, options.tickMs);
    for (let i = 0; i < options.fixtureCount; i++) {
      const fixture = newFixture(this.prng, true);
      this.model.addFixture(fixture);
      this.fixtureIds.push(fixture.fixtureId);
    }
  }

  get running(): boolean {
    return this.pacer.running;
  }

  get eventsPerSecond(): number {
    return this.pacer.eventsPerSecond;
  }

  start(): void {
    this.pacer.start();
  }

  stop(): void {
    this.pacer.stop();
  }

  setRate(eventsPerSecond: number): void {
    this.pacer.setRate(eventsPerSecond);
  }

  configure(rates: Partial<ScenarioRates>): void {
    validateRates(rates);
    for (const [name, value] of Object.entries(rates)) {
      if (name in DEFAULT_SCENARIO_RATES && typeof value === 'number') {
        this.rates[name as keyof ScenarioRates] = value;
      }
    }
  }

  step(count = 1): number {
    for (let i = 0; i < count; i++) {
      this.clock.advance(1000 / Math.max(1, this.pacer.eventsPerSecond));
      let change: ModelChange | null = null;
      while (change === null) change = this.nextChange();
      this.counters.events++;
    }
    return count;
  }

  stats(): ScenarioStats {
    return { ...this.counters };
  }

  sizes(): ScenarioSizes {
    return {
      placingOrders: this.placing.length,
      restingOrders: this.resting.length,
      pendingBets: this.pendingBets.length,
      followUps: this.followUps.length,
      fixtures: this.fixtureIds.length,
    };
  }

  /** One attempt at an event; null when the chosen action turned out to have nothing to do. */
  private nextChange(): ModelChange | null {
    const emergency = this.emergencyChange();
    if (emergency) return emergency;
    if (
      this.followUps.length > 0 &&
      (this.followUps.length > FOLLOW_UP_BACKLOG || this.prng.chance(FOLLOW_UP_CHANCE))
    ) {
      return this.runFollowUp(this.followUps.shift()!);
    }
    if (this.pendingBets.length > PENDING_BET_BACKLOG) return this.resolvePendingBet();
    if (this.prng.chance(this.rates.scoreShare)) return this.advanceFixture();
    return this.orderAction();
  }

  private emergencyChange(): ModelChange | null {
    if (this.emergencyEventsLeft > 0) {
      this.emergencyEventsLeft--;
      return this.emergencyEventsLeft === 0 ? this.model.setEmergency(false) : null;
    }
    if (this.model.emergencyActive || !this.prng.chance(this.rates.emergencyRate)) return null;
    const { emergencyMinEvents, emergencyMaxEvents } = this.options;
    this.emergencyEventsLeft = this.prng.int(
      Math.max(1, emergencyMinEvents),
      Math.max(1, emergencyMaxEvents),
    );
    this.counters.emergencies++;
    return this.model.setEmergency(true, this.prng.pick(EMERGENCY_REASONS));
  }

  private orderAction(): ModelChange | null {
    if (this.resting.length > 0 && this.prng.chance(this.rates.cancelRate))
      return this.cancelOrder();
    const canPlace =
      this.placing.length + this.resting.length < this.options.maxOpenOrders &&
      !this.model.emergencyActive;
    const choices: [number, () => ModelChange | null][] = [
      [canPlace ? WEIGHT_PLACE : 0, () => this.placeOrder()],
      [this.placing.length > 0 ? WEIGHT_CONFIRM : 0, () => this.confirmPlacement()],
      [this.resting.length > 0 ? WEIGHT_FILL : 0, () => this.fillOrder()],
      [this.pendingBets.length * WEIGHT_RESOLVE_BET, () => this.resolvePendingBet()],
      [WEIGHT_BALANCE_DRIFT, () => this.driftBalance()],
    ];
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.prng.next() * total;
    for (const [weight, action] of choices) {
      if (roll < weight) return action();
      roll -= weight;
    }
    return this.advanceFixture();
  }

  private now(): string {
    return this.clock.iso();
  }

  private placeOrder(): ModelChange | null {
    const clients = this.model.clientIds().filter((c) => this.model.canPlaceOrders(c));
    if (clients.length === 0) return null;
    const client = this.prng.pick(clients);
    const accounts = this.model.accounts(client).filter((a) => a.active);
    const fixtures = this.fixtureIds.filter(
      (id) => this.model.fixture(id)?.currentPeriod !== 'Full Time',
    );
    if (accounts.length === 0 || fixtures.length === 0) return null;
    const account = this.prng.pick(accounts);
    const price = round3(this.prng.between(1.25, 4.5));
    const cents = Math.min(
      0.99,
      Math.max(0.01, round2(1 / price - this.prng.between(0.005, 0.03))),
    );
    const outcomeId = this.prng.pick([161, 162, 163, 1601, 1602]);
    const now = this.now();
    const order: OrderRecord = {
      orderId: this.nextOrderId++,
      fixtureId: this.prng.pick(fixtures),
      outcomeId,
      playerId: null,
      exchange: account.exchange,
      account: account.username,
      exchangeOrderId: null,
      exchangeOutcomeId: `${outcomeId}-${this.prng.hex(6)}`,
      orderStatus: 'PENDING_PLACEMENT',
      matchedStatus: 'NOT_MATCHED',
      orderCents: cents,
      orderStake: this.prng.pick(ORDER_STAKES),
      matchedStake: 0,
      back: true,
      side: 'buy',
      settlementStatus: 'UNDECIDED',
      bookmakerOutcomePrice: price,
      bookmakerOutcomeLimit: this.prng.pick([500, 1000, 2000, 5000]),
      bookmakerOutcomeActive: true,
      createdAt: now,
      matchedAt: null,
      updatedAt: now,
    };
    this.placing.push({ client, orderId: order.orderId });
    this.counters.ordersPlaced++;
    return this.model.insertOrder(client, order);
  }

  private confirmPlacement(): ModelChange | null {
    const ref = takeRandom(this.placing, this.prng);
    const order = this.openOrder(ref, 'PENDING_PLACEMENT');
    if (!order) return null;
    if (this.prng.chance(this.rates.failRate)) {
      return this.model.updateOrder(ref.client, ref.orderId, {
        orderStatus: 'FAILED',
        updatedAt: this.now(),
      });
    }
    this.resting.push(ref);
    return this.model.updateOrder(ref.client, ref.orderId, {
      orderStatus: 'PLACED',
      exchangeOrderId: exchangeOrderId(order.exchange, this.prng),
      updatedAt: this.now(),
    });
  }

  private fillOrder(): ModelChange | null {
    const index = Math.floor(this.prng.next() * this.resting.length);
    const ref = this.resting[index]!;
    const order = this.openOrder(ref, 'PLACED');
    if (!order) {
      removeAt(this.resting, index);
      return null;
    }
    const remaining = round2(order.orderStake - order.matchedStake);
    const partial = remaining >= 2 && this.prng.chance(this.rates.partialFillRate);
    const delta = partial
      ? Math.max(0.01, round2(remaining * this.prng.between(0.2, 0.7)))
      : remaining;
    const matchedStake = round2(order.matchedStake + delta);
    const full = !partial;
    if (full) removeAt(this.resting, index);
    const now = this.now();
    const change = this.model.updateOrder(ref.client, ref.orderId, {
      matchedStake: full ? order.orderStake : matchedStake,
      matchedStatus: full ? 'FULLY_MATCHED' : 'PARTIALLY_MATCHED',
      orderStatus: full ? 'FILLED' : 'PLACED',
      matchedAt: now,
      updatedAt: now,
    });
    this.counters.fills++;
    if (full) this.counters.fullFills++;
    if (this.prng.chance(this.rates.missingHedgeRate)) this.counters.missingHedges++;
    else
      this.followUps.push({ kind: 'hedge', client: ref.client, order: { ...order }, stake: delta });
    this.followUps.push({
      kind: 'balance',
      client: ref.client,
      username: order.account,
      delta: -round2(delta * order.orderCents),
    });
    return change;
  }

  private cancelOrder(): ModelChange | null {
    const ref = takeRandom(this.resting, this.prng);
    if (!this.openOrder(ref, 'PLACED')) return null;
    this.counters.cancellations++;
    return this.model.updateOrder(ref.client, ref.orderId, {
      orderStatus: this.prng.chance(0.3) ? 'EXPIRED' : 'CANCELLED',
      updatedAt: this.now(),
    });
  }

  private runFollowUp(followUp: FollowUp): ModelChange | null {
    if (followUp.kind === 'balance') {
      const account = this.model.account(followUp.client, followUp.username);
      if (!account) return null;
      return this.model.updateAccount(followUp.client, followUp.username, {
        balance: round2(account.balance + followUp.delta),
      });
    }
    return this.placeHedge(followUp.client, followUp.order, followUp.stake);
  }

  private placeHedge(client: string, order: OrderRecord, stake: number): ModelChange {
    const fate = this.prng.chance(this.rates.declineRate) ? 'declined' : 'placed';
    const status: BetStatus = this.prng.chance(this.rates.pendingHedgeRate) ? 'pending' : fate;
    const price = round3(order.bookmakerOutcomePrice * this.prng.between(0.985, 1));
    const betId = this.nextBetId++;
    const bet: BetRecord = {
      betId,
      orderId: order.orderId,
      client,
      bookmaker: this.prng.pick(BOOKMAKERS),
      bookmakerBetId: null,
      placedPrice: price,
      placedStake: stake,
      betStatus: status,
      settlementStatus: 'undecided',
      sentData: {
        requestId: this.prng.hex(8),
        eventId: this.prng.int(90_000, 99_999),
        price,
        amount: stake,
        side: '1',
      },
      receivedData: null,
      placedAt: this.now(),
    };
    Object.assign(bet, this.bookmakerAnswer(status));
    this.counters.hedges++;
    if (fate === 'declined') this.counters.declinedHedges++;
    if (status === 'pending') {
      this.counters.pendingHedges++;
      this.pendingBets.push({ client, betId, fate });
    }
    return this.model.insertBet(client, bet);
  }

  private bookmakerAnswer(status: BetStatus): Pick<BetRecord, 'bookmakerBetId' | 'receivedData'> {
    switch (status) {
      case 'placed': {
        const bookmakerBetId = this.prng.digits(9);
        return { bookmakerBetId, receivedData: { betId: bookmakerBetId, status: 'U' } };
      }
      case 'pending':
        return { bookmakerBetId: null, receivedData: { status: 'P' } };
      case 'declined':
        return {
          bookmakerBetId: null,
          receivedData: {
            status: 'R',
            reason: this.prng.pick(['PRICE_CHANGED', 'LIMIT_EXCEEDED', 'MARKET_CLOSED']),
          },
        };
    }
  }

  private resolvePendingBet(): ModelChange | null {
    const ref = takeRandom(this.pendingBets, this.prng);
    if (this.model.bet(ref.client, ref.betId)?.betStatus !== 'pending') return null;
    return this.model.updateBet(ref.client, ref.betId, {
      betStatus: ref.fate,
      ...this.bookmakerAnswer(ref.fate),
    });
  }

  private driftBalance(): ModelChange | null {
    const client = this.prng.pick(this.model.clientIds());
    const account = this.prng.pick(this.model.accounts(client));
    return this.model.updateAccount(client, account.username, {
      balance: round2(Math.max(0, account.balance + this.prng.between(-150, 400))),
    });
  }

  private advanceFixture(): ModelChange | null {
    const index = Math.floor(this.prng.next() * this.fixtureIds.length);
    const fixture = this.model.fixture(this.fixtureIds[index]!);
    if (!fixture) return null;
    let change = nextFixtureChange(fixture, this.prng);
    let fixtureId = fixture.fixtureId;
    if (change === null) {
      // Full time: a new match takes the finished one's place and kicks off.
      const next = newFixture(this.prng, false);
      this.model.removeFixture(fixture.fixtureId);
      this.model.addFixture(next);
      this.fixtureIds[index] = next.fixtureId;
      fixtureId = next.fixtureId;
      change = nextFixtureChange(next, this.prng);
    }
    const update = change ? this.model.updateFixture(fixtureId, change) : null;
    if (update) this.counters.scoreUpdates++;
    return update;
  }

  private openOrder(ref: OrderRef, status: OrderRecord['orderStatus']): OrderRecord | null {
    const order = this.model.order(ref.client, ref.orderId);
    return order && order.orderStatus === status ? order : null;
  }
}

function removeAt<T>(items: T[], index: number): T {
  const item = items[index]!;
  items[index] = items[items.length - 1]!;
  items.pop();
  return item;
}

function takeRandom<T>(items: T[], prng: Prng): T {
  return removeAt(items, Math.floor(prng.next() * items.length));
}
