import { MarketModel } from './market-model';
import { Scenario } from './scenario';
import { seedClientSetups } from './scenario-data';
import { resolveScenarioOptions, type ScenarioOptions } from './scenario-options';
import { SimulatedClock } from './simulated-clock';

export interface MarketScenario {
  model: MarketModel;
  scenario: Scenario;
  clock: SimulatedClock;
  options: ScenarioOptions;
}

const ACCOUNT_AGE_MS = 90 * 86_400_000;

/**
 * A model seeded with the clients' accounts and a scenario driving it, without any
 * server: for the simulator itself, for tests and for the benchmark.
 */
export function createMarketScenario(
  clients: { client: string; name: string }[],
  options: Partial<ScenarioOptions> = {},
): MarketScenario {
  const resolved = resolveScenarioOptions(options);
  const clock = new SimulatedClock(resolved.startTime);
  const unique = [...new Map(clients.map((c) => [c.client, c])).values()];
  const model = new MarketModel({
    clients: seedClientSetups(unique, new Date(resolved.startTime - ACCOUNT_AGE_MS).toISOString()),
    historyLimit: resolved.historyLimit,
    clock: clock.now,
  });
  const scenario = new Scenario(model, clock, resolved);
  return { model, scenario, clock, options: resolved };
}
