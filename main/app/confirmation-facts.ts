import type { RestClient } from '../rest';
import type { ConfirmationFacts } from './trading-texts';

export interface ConfirmationFactsRequest {
  client: Pick<RestClient, 'openOrders'>;
  /** How long to wait for the server's count of open orders. */
  timeoutMs: number;
  statusKnown: boolean;
  /** The store's count, asked only when the server did not answer; null when unknown. */
  estimateOpenOrders: () => number | null;
}

/**
 * What a stop or cancel-all question says: the open orders read from the server now
 * (at most `timeoutMs`), else the store's estimate, and whether the trading status is
 * known. Never rejects.
 */
export async function readConfirmationFacts(
  request: ConfirmationFactsRequest,
): Promise<ConfirmationFacts> {
  const { client, timeoutMs, statusKnown } = request;
  const abort = new AbortController();
  const timeout = new Promise<never>((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true });
  });
  const timer = setTimeout(() => abort.abort(new Error('open orders not read in time')), timeoutMs);
  try {
    const open = await Promise.race([client.openOrders({}, { signal: abort.signal }), timeout]);
    return { openOrders: open.length, exact: true, statusKnown };
  } catch {
    return { openOrders: request.estimateOpenOrders(), exact: false, statusKnown };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
