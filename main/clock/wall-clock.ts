/**
 * How far the wall clock must fall behind the monotonic clock between two reads to count as
 * set back. Far above what NTP slewing drifts between reads (at most 0.05 % of the time
 * between them), far below any deadline the policy keeps.
 */
export const CLOCK_STEP_BACK_MS = 1_000;

/**
 * The wall clock (epoch ms), watched for being set back. Deadlines such as a fill's hedge
 * grace are wall-clock times, so that they also pass while the machine sleeps (the monotonic
 * clock stops then on macOS and Linux). But a wall clock set back by an hour would hold them
 * off for an hour. Each read compares how far both clocks moved since the last one: when the
 * wall clock moved less by at least CLOCK_STEP_BACK_MS, it was set back by the difference,
 * and `onStepBack` hears of it before the read returns, so kept times can move with it. A
 * wall clock that moved further (sleep, or set forward) is followed as it is.
 */
export class WallClock {
  private lastWall: number | undefined;
  private lastMonotonic = 0;

  constructor(
    private readonly wall: () => number,
    private readonly monotonic: () => number,
    private readonly onStepBack: (stepMs: number) => void,
  ) {}

  read(): number {
    const wall = this.wall();
    const monotonic = this.monotonic();
    const behind =
      this.lastWall === undefined ? 0 : monotonic - this.lastMonotonic - (wall - this.lastWall);
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
    if (behind >= CLOCK_STEP_BACK_MS) this.onStepBack(behind);
    return wall;
  }
}
