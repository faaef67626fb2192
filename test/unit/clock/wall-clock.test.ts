import { describe, expect, it } from 'vitest';
import { CLOCK_STEP_BACK_MS, WallClock } from '../../../main/clock/wall-clock';

const T0 = Date.UTC(2026, 10, 27, 9);

/** A wall clock and a monotonic one the test moves, and the steps back the clock reported. */
function clocks() {
  const t = { wall: T0, monotonic: 1_000 };
  const steps: { stepMs: number; wallAtStep: number }[] = [];
  const clock = new WallClock(
    () => t.wall,
    () => t.monotonic,
    (stepMs) => steps.push({ stepMs, wallAtStep: t.wall }),
  );
  const elapse = (ms: number) => {
    t.wall += ms;
    t.monotonic += ms;
  };
  return { t, steps, clock, elapse };
}

describe('WallClock', () => {
  it('reads the wall clock', () => {
    const { t, clock, elapse } = clocks();
    expect(clock.read()).toBe(T0);
    elapse(1_234);
    expect(clock.read()).toBe(t.wall);
  });

  it('reports the wall clock set back, by how much, before the read returns', () => {
    const { t, steps, clock, elapse } = clocks();
    clock.read();
    elapse(5_000);
    t.wall -= 3_600_000;
    expect(steps).toEqual([]);
    expect(clock.read()).toBe(T0 + 5_000 - 3_600_000);
    expect(steps).toEqual([{ stepMs: 3_600_000, wallAtStep: T0 + 5_000 - 3_600_000 }]);
    // Once: the next reads measure from the clock as it is now.
    elapse(5_000);
    clock.read();
    expect(steps).toHaveLength(1);
  });

  it('reports a step made between two reads however much time passed around it', () => {
    const { t, steps, clock, elapse } = clocks();
    clock.read();
    elapse(20_000);
    t.wall -= 90_000;
    elapse(40_000);
    clock.read();
    expect(steps.map((s) => s.stepMs)).toEqual([90_000]);
  });

  it('follows a wall clock that moved further than the monotonic one: sleep, or set forward', () => {
    const { t, steps, clock } = clocks();
    clock.read();
    t.wall += 8 * 3_600_000; // asleep overnight: the monotonic clock stood still
    expect(clock.read()).toBe(t.wall);
    t.wall += 600_000;
    t.monotonic += 1_000;
    expect(clock.read()).toBe(t.wall);
    expect(steps).toEqual([]);
  });

  it('takes slewing and jitter below the threshold for the clock running, not set', () => {
    const { t, steps, clock } = clocks();
    clock.read();
    for (let i = 0; i < 1_000; i++) {
      // 30 s between reads, the wall clock slewed 0.05 % slow (as fast as NTP slews).
      t.monotonic += 30_000;
      t.wall += 30_000 - 15;
      clock.read();
    }
    t.monotonic += 1_000;
    t.wall += 1_000 - (CLOCK_STEP_BACK_MS - 1);
    clock.read();
    expect(steps).toEqual([]);
  });

  it('never reports on the first read, whatever the clocks say', () => {
    const steps: number[] = [];
    const clock = new WallClock(
      () => 0,
      () => 1e9,
      (ms) => steps.push(ms),
    );
    clock.read();
    expect(steps).toEqual([]);
  });
});
