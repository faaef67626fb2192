import type { ConfirmationFacts } from '../../../../common/ipc/trading';

/**
 * How long a stop or cancel-all question waits for main's count before it falls back:
 * main gives the server 3 s (CONFIRM_READ_MS), so this only fires when main is stuck.
 */
export const FACTS_WAIT_MS = 5_000;

/**
 * Main's facts, counted fresh, for the question before a stop or cancel-all; when main
 * fails or does not answer in time, `fallback` (what the dashboard itself knows). Never
 * rejects: the kill switch must not wait on a count.
 */
export function freshFacts(
  read: () => Promise<ConfirmationFacts>,
  fallback: ConfirmationFacts,
  waitMs = FACTS_WAIT_MS,
): Promise<ConfirmationFacts> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), waitMs);
    Promise.resolve()
      .then(read)
      .then(resolve, () => resolve(fallback))
      .finally(() => clearTimeout(timer));
  });
}

/** The dashboard's own facts: its count is not the server's, whatever it says. */
export function estimatedFacts(openOrders: number | null, statusKnown: boolean): ConfirmationFacts {
  return { openOrders, exact: false, statusKnown };
}
