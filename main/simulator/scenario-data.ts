import type { AccountRecord, ClientSetup } from './model-types';
import type { Prng } from './prng';

/** Exchange slugs as the engine names them (mm-api.md lists the venues). */
export const EXCHANGES = [
  'polymarket',
  'polymarket_us',
  'kalshi',
  'novig',
  'sx_bet',
  'betfair',
  'prophetx',
  'matchbook',
  'smarkets',
  '4casters',
  'predict_fun',
] as const;

export const BOOKMAKERS = ['vertex', 'pinnacle'] as const;

export const EMERGENCY_REASONS = [
  'Manual trigger',
  'Exchange connectivity lost',
  'Bookmaker feed stale',
  'Exposure limit breached',
] as const;

export const ORDER_STAKES = [25, 50, 75, 100, 150, 200, 250, 500] as const;

/** Three exchange accounts per client, different venues for each client. */
export function seedClientSetups(
  clients: { client: string; name: string }[],
  createdAt: string,
): ClientSetup[] {
  return clients.map(({ client, name }, index) => {
    const accounts: AccountRecord[] = [0, 1, 2].map((slot) => {
      const exchange = EXCHANGES[(index * 3 + slot) % EXCHANGES.length] as string;
      return {
        username: `${client}-${exchange}-${slot + 1}`,
        exchange,
        active: true,
        maxOutcomeStake: 500 + slot * 250,
        balance: 10_000 + index * 2_500 + slot * 1_000,
        createdAt,
      };
    });
    return { client, name, accounts };
  });
}

/** The exchange's own order reference, in the style each venue uses. */
export function exchangeOrderId(exchange: string, prng: Prng): string {
  switch (exchange) {
    case 'polymarket':
    case 'polymarket_us':
    case 'predict_fun':
      return `0x${prng.hex(64)}`;
    case 'betfair':
    case 'matchbook':
    case 'smarkets':
      return prng.digits(12);
    default:
      return `${prng.hex(8)}-${prng.hex(4)}-4${prng.hex(3)}-a${prng.hex(3)}-${prng.hex(12)}`;
  }
}

export function newFixtureId(prng: Prng): string {
  return `id1000000${prng.digits(9)}`;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
