import type { OrderRecord } from '../model-types';

export interface ForcedAnswer {
  status: number;
  detail: string;
  headers: Record<string, string>;
}

/** Ways for the REST side to misbehave on purpose. */
export interface RestFaults {
  /**
   * Orders on these exchanges cannot be cancelled: stop and cancel-all cancel the
   * others and answer 502 with a detail naming them; cancelling one such order
   * answers 502. No argument clears it.
   */
  failCancelsOn(...exchanges: string[]): void;
  /** The next `count` authenticated requests answer this status with {"detail": ...}. */
  failNext(
    status: number,
    options?: { count?: number; detail?: string; headers?: Record<string, string> },
  ): void;
  /** Every answer waits this long first (0: none); for timeouts. */
  delayAnswers(ms: number): void;
  /** Lifts every fault. */
  clear(): void;
}

export class RestFaultState implements RestFaults {
  private failingExchanges = new Set<string>();
  private forced: ForcedAnswer[] = [];
  delayMs = 0;

  failCancelsOn(...exchanges: string[]): void {
    this.failingExchanges = new Set(exchanges.map((e) => e.toLowerCase()));
  }

  failNext(
    status: number,
    options: { count?: number; detail?: string; headers?: Record<string, string> } = {},
  ): void {
    const answer: ForcedAnswer = {
      status,
      detail: options.detail ?? `Simulated failure (${status})`,
      headers: options.headers ?? {},
    };
    for (let i = 0; i < (options.count ?? 1); i++) this.forced.push(answer);
  }

  delayAnswers(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  clear(): void {
    this.failingExchanges.clear();
    this.forced = [];
    this.delayMs = 0;
  }

  /** The predicate the model's cancels skip with, or null when every cancel succeeds. */
  cancelFault(): ((order: OrderRecord) => boolean) | null {
    if (this.failingExchanges.size === 0) return null;
    const failing = this.failingExchanges;
    return (order) => failing.has(order.exchange);
  }

  takeForced(): ForcedAnswer | undefined {
    return this.forced.shift();
  }
}
