import type { RestClient } from '../../rest';
import type { CommandOptions } from './command-args';
import { scope } from './command-output';

/** What stop or cancel-all will do, said before it is done, from the current state. */
export async function describeAction(rest: RestClient, options: CommandOptions): Promise<string> {
  const filter = {
    ...(options.exchange ? { exchange: options.exchange } : {}),
    ...(options.fixtureId ? { fixtureId: options.fixtureId } : {}),
  };
  const [status, open] = await Promise.all([rest.tradingStatus(), rest.openOrders(filter)]);
  const orders =
    open.length === 0
      ? 'no open orders'
      : `${open.length} open order${open.length === 1 ? '' : 's'}`;
  if (options.command === 'stop') {
    return (
      `Stop trading for ${status.clientName}? This cancels every open order (${orders} now) ` +
      'and posts no new ones until you run `mm-tray-cli start`. Hedging of fills goes on.'
    );
  }
  return (
    `Cancel every open order${scope(filter)} for ${status.clientName} (${orders} now)? ` +
    'Trading is not stopped: the engine may post new orders afterwards.'
  );
}

/** Why stop or cancel-all refuses to act without --yes off a terminal. */
export function confirmationRequired(options: CommandOptions): string {
  const what =
    options.command === 'stop'
      ? 'stop cancels every open order and blocks new ones until `mm-tray-cli start`'
      : `cancel-all cancels every open order${scope(options)}`;
  return `${what}; stdin is not a terminal to confirm on, so pass --yes to do it`;
}

export function isYes(answer: string): boolean {
  return /^\s*y(es)?\s*$/i.test(answer);
}
