/** Probabilities of the scenario's outcomes; tests force them to 0 or 1. */
export interface ScenarioRates {
  /** Share of hedge bets that end declined. */
  declineRate: number;
  /** Share of fills for which no hedge bet ever appears. */
  missingHedgeRate: number;
  /** Share of hedge bets first reported `pending` (later placed or declined). */
  pendingHedgeRate: number;
  /** Share of fills that match only part of the remaining stake. */
  partialFillRate: number;
  /** Share of placements the exchange rejects (FAILED). */
  failRate: number;
  /** Share of order actions that cancel or expire a resting order. */
  cancelRate: number;
  /** Chance per event that an emergency begins. */
  emergencyRate: number;
  /** Share of events that are score updates. */
  scoreShare: number;
}

export interface ScenarioOptions extends ScenarioRates {
  /** Events (broadcasts) per second when running on its timer. */
  eventsPerSecond: number;
  seed: number;
  /** Start generating on the timer as soon as the simulator is up. */
  autoStart: boolean;
  /** Epoch ms of the first simulated timestamp; defaults to the moment of creation. */
  startTime: number;
  /** Open orders across all clients the engine keeps resting at most. */
  maxOpenOrders: number;
  /** Live fixtures reported on the scores channel at any time. */
  fixtureCount: number;
  /** How many events an emergency lasts, at least and at most. */
  emergencyMinEvents: number;
  emergencyMaxEvents: number;
  /** Finished orders and settled bets the model remembers per client. */
  historyLimit: number;
  /** Granularity of the live timer. */
  tickMs: number;
}

export const DEFAULT_SCENARIO_RATES: ScenarioRates = {
  declineRate: 0.05,
  missingHedgeRate: 0.02,
  pendingHedgeRate: 0.25,
  partialFillRate: 0.5,
  failRate: 0.03,
  cancelRate: 0.12,
  emergencyRate: 0.0005,
  scoreShare: 0.2,
};

export function resolveScenarioOptions(options: Partial<ScenarioOptions> = {}): ScenarioOptions {
  const resolved: ScenarioOptions = {
    ...DEFAULT_SCENARIO_RATES,
    eventsPerSecond: 5,
    seed: 1,
    autoStart: false,
    startTime: Date.now(),
    maxOpenOrders: 40,
    fixtureCount: 6,
    emergencyMinEvents: 20,
    emergencyMaxEvents: 120,
    historyLimit: 200,
    tickMs: 50,
    ...stripUndefined(options),
  };
  validateRates(resolved);
  if (!(resolved.eventsPerSecond >= 0)) throw new Error('eventsPerSecond must be 0 or more');
  if (resolved.maxOpenOrders < 1) throw new Error('maxOpenOrders must be at least 1');
  if (resolved.fixtureCount < 1) throw new Error('fixtureCount must be at least 1');
  if (resolved.emergencyMaxEvents < resolved.emergencyMinEvents) {
    throw new Error('emergencyMaxEvents must not be below emergencyMinEvents');
  }
  return resolved;
}

export function validateRates(rates: Partial<ScenarioRates>): void {
  for (const [name, value] of Object.entries(rates)) {
    if (!(name in DEFAULT_SCENARIO_RATES) || value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new Error(`${name} must be between 0 and 1`);
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
