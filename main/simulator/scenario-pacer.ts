/**
 * Calls `produce(n)` on a timer so that, on average, `rate` events happen per second.
 * It counts from the moment the rate was set rather than per tick, so timer jitter
 * does not add up; after a long stall it catches up at most one second's worth.
 */
export class ScenarioPacer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private since = 0;
  private produced = 0;

  constructor(
    private readonly produce: (count: number) => void,
    private rate: number,
    private readonly tickMs: number,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  get eventsPerSecond(): number {
    return this.rate;
  }

  start(): void {
    if (this.timer) return;
    this.restartCount();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  setRate(eventsPerSecond: number): void {
    if (!(eventsPerSecond >= 0) || !Number.isFinite(eventsPerSecond)) {
      throw new Error('eventsPerSecond must be a finite number, 0 or more');
    }
    this.rate = eventsPerSecond;
    this.restartCount();
  }

  private restartCount(): void {
    this.since = Date.now();
    this.produced = 0;
  }

  private tick(): void {
    const due = Math.floor(((Date.now() - this.since) * this.rate) / 1000) - this.produced;
    if (due <= 0) return;
    this.produced += due;
    this.produce(Math.min(due, Math.max(1, Math.ceil(this.rate))));
  }
}
