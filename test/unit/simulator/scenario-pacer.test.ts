import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarketScenario, DEMO_KEY } from '../../../main/simulator';
import { ScenarioPacer } from '../../../main/simulator/scenario-pacer';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function counter() {
  let total = 0;
  const produce = (n: number) => {
    total += n;
  };
  return { produce, total: () => total };
}

describe('ScenarioPacer', () => {
  it('produces the configured number of events per second', () => {
    const events = counter();
    const pacer = new ScenarioPacer(events.produce, 50, 20);
    pacer.start();
    vi.advanceTimersByTime(2000);
    expect(events.total()).toBe(100);
    vi.advanceTimersByTime(1000);
    expect(events.total()).toBe(150);
    pacer.stop();
  });

  it('handles rates below one per tick and above one per millisecond', () => {
    const slow = counter();
    const fast = counter();
    const slowPacer = new ScenarioPacer(slow.produce, 0.5, 50);
    const fastPacer = new ScenarioPacer(fast.produce, 5000, 50);
    slowPacer.start();
    fastPacer.start();
    vi.advanceTimersByTime(10_000);
    expect(slow.total()).toBe(5);
    expect(fast.total()).toBe(50_000);
    slowPacer.stop();
    fastPacer.stop();
  });

  it('changes rate from the moment it is set', () => {
    const events = counter();
    const pacer = new ScenarioPacer(events.produce, 10, 10);
    pacer.start();
    vi.advanceTimersByTime(1000);
    pacer.setRate(100);
    vi.advanceTimersByTime(1000);
    expect(events.total()).toBe(110);
    pacer.setRate(0);
    vi.advanceTimersByTime(5000);
    expect(events.total()).toBe(110);
    expect(() => pacer.setRate(-1)).toThrow();
    pacer.stop();
  });

  it('stops producing when stopped and leaves no timer behind', () => {
    const events = counter();
    const pacer = new ScenarioPacer(events.produce, 100, 10);
    pacer.start();
    expect(pacer.running).toBe(true);
    vi.advanceTimersByTime(100);
    pacer.stop();
    expect(pacer.running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(events.total()).toBe(10);
  });

  it('catches up at most one second of events after a stall', () => {
    const events = counter();
    const pacer = new ScenarioPacer(events.produce, 20, 50);
    pacer.start();
    vi.setSystemTime(Date.now() + 10_000);
    vi.advanceTimersByTime(50);
    expect(events.total()).toBe(20);
    pacer.stop();
  });
});

describe('scenario on its timer', () => {
  it('emits model changes at the scenario rate', () => {
    const { model, scenario } = createMarketScenario([DEMO_KEY], { eventsPerSecond: 40, seed: 3 });
    let changes = 0;
    model.onChange(() => {
      changes++;
    });
    scenario.start();
    vi.advanceTimersByTime(3000);
    scenario.stop();
    expect(changes).toBe(120);
    expect(scenario.running).toBe(false);
  });
});
