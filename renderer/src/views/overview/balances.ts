import type { AccountPayload } from '../../../../common/protocol/payloads';

export interface ExchangeBalance {
  exchange: string;
  accounts: number;
  balance: number;
}

/** Balances summed per exchange, by exchange name. */
export function balancesByExchange(
  accounts: ReadonlyMap<string, AccountPayload>,
): ExchangeBalance[] {
  const totals = new Map<string, ExchangeBalance>();
  for (const account of accounts.values()) {
    const exchange = account.exchange ?? '?';
    const total = totals.get(exchange) ?? { exchange, accounts: 0, balance: 0 };
    total.accounts++;
    if (typeof account.balance === 'number' && Number.isFinite(account.balance)) {
      total.balance += account.balance;
    }
    totals.set(exchange, total);
  }
  return [...totals.values()].sort((a, b) => a.exchange.localeCompare(b.exchange));
}
