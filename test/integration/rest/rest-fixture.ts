import { RestClient, type RestClientOptions } from '../../../main/rest';
import {
  type BetRecord,
  type OrderRecord,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../../main/simulator';

/** The simulated day starts here; clients are told it is this day too. */
export const DAY = '2026-02-15';
export const DAY_START = Date.parse(`${DAY}T09:00:00Z`);

export function startRestSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({
    scenario: { startTime: DAY_START, seed: 11, emergencyRate: 0 },
    ...options,
  });
}

/** A client of the simulator whose waits are recorded instead of slept. */
export function clientOf(
  simulator: Simulator,
  options: Partial<RestClientOptions> = {},
): { rest: RestClient; delays: number[] } {
  const delays: number[] = [];
  const rest = new RestClient({
    url: simulator.url,
    apiKey: simulator.demoKey,
    sleep: async (ms) => {
      delays.push(ms);
    },
    now: () => DAY_START + 3_600_000,
    ...options,
  });
  return { rest, delays };
}

/** A plain request, to see the wire as it is. */
export async function raw(
  simulator: Simulator,
  method: string,
  path: string,
  apiKey: string | null = simulator.demoKey,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${simulator.httpUrl}/api/v1${path}`, {
    method,
    headers: apiKey === null ? {} : { 'X-API-Key': apiKey },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

export function order(orderId: number, overrides: Partial<OrderRecord> = {}): OrderRecord {
  const at = `${DAY}T09:30:00.000Z`;
  return {
    orderId,
    fixtureId: 'id1000000861624412',
    outcomeId: 161,
    playerId: null,
    exchange: 'polymarket',
    account: 'demo-polymarket-1',
    exchangeOrderId: `ex-${orderId}`,
    exchangeOutcomeId: '161-abc',
    orderStatus: 'PLACED',
    matchedStatus: 'NOT_MATCHED',
    orderCents: 0.45,
    orderStake: 100,
    matchedStake: 0,
    back: true,
    side: 'buy',
    settlementStatus: 'UNDECIDED',
    bookmakerOutcomePrice: 2.1,
    bookmakerOutcomeLimit: 1000,
    bookmakerOutcomeActive: true,
    createdAt: at,
    matchedAt: null,
    updatedAt: at,
    ...overrides,
  };
}

export function bet(betId: number, orderId: number, overrides: Partial<BetRecord> = {}): BetRecord {
  return {
    betId,
    orderId,
    client: 'demo',
    bookmaker: 'pinnacle',
    bookmakerBetId: `b-${betId}`,
    placedPrice: 2.05,
    placedStake: 100,
    betStatus: 'placed',
    settlementStatus: 'undecided',
    sentData: {},
    receivedData: null,
    placedAt: `${DAY}T09:31:00.000Z`,
    ...overrides,
  };
}
