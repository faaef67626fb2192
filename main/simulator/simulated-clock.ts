/** The scenario's own clock: it moves forward by event, so a seed replays the same timestamps. */
export class SimulatedClock {
  private current: number;

  constructor(startTime: number) {
    this.current = startTime;
  }

  now = (): number => this.current;

  iso(): string {
    return new Date(this.current).toISOString();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
