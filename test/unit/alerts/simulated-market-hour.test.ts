import { describe, expect, it, vi } from 'vitest';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { FeedEngine } from '../../../main/engine';
import {
  broadcastFrame,
  changedFieldsOnly,
  createMarketScenario,
  DEMO_KEY,
  type ModelChange,
} from '../../../main/simulator';

const START = Date.UTC(2026, 4, 1, 9, 0, 0);
const EVENTS_PER_SECOND = 3;

/** Per order, how many of its fills the scenario left without a placed hedge. */
class UnhedgedFills {
  private readonly fills = new Map<string, number>();
  private readonly hedges = new Map<string, { orderId: string; placed: boolean }>();

  note(change: ModelChange): void {
    const { payload, old } = change;
    if (change.channel === 'orders' && old && 'matchedStake' in old) {
      if (Number(payload.matchedStake) > Number(old.matchedStake)) {
        const orderId = String(payload.orderId);
        this.fills.set(orderId, (this.fills.get(orderId) ?? 0) + 1);
      }
    } else if (change.channel === 'bets') {
      const betId = String(payload.betId);
      const known = this.hedges.get(betId);
      const status = payload.betStatus;
      this.hedges.set(betId, {
        orderId: known?.orderId ?? String(payload.orderId),
        placed: status === undefined ? known?.placed === true : status === 'placed',
      });
    }
  }

  byOrder(): Map<string, number> {
    const unhedged = new Map(this.fills);
    for (const { orderId, placed } of this.hedges.values()) {
      if (placed) unhedged.set(orderId, (unhedged.get(orderId) ?? 0) - 1);
    }
    return unhedged;
  }
}

/**
 * An hour of the simulator's demo market through a FeedEngine, as the socket would bring it
 * (`changedOnly`: UPDATE payloads with the changed fields only). Returns, per order, the
 * fills the engine told 'No hedge' for and those the scenario left unhedged.
 */
function simulateHour(seed: number, changedOnly: boolean) {
  vi.useFakeTimers({ now: START });
  try {
    const market = createMarketScenario([DEMO_KEY], {
      seed,
      startTime: START,
      eventsPerSecond: EVENTS_PER_SECOND,
    });
    const engine = new FeedEngine({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: DEMO_KEY.apiKey,
      channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
      policy: { timeZone: 'UTC', hedgeGraceMs: 15_000, coalesceWindowMs: 0 },
    });
    const told = new Map<string, number>();
    engine.on('notification', (n) => {
      if (n.kind !== 'hedge-missing' || n.target.view !== 'order') return;
      told.set(n.target.orderId, (told.get(n.target.orderId) ?? 0) + n.count);
    });
    const truth = new UnhedgedFills();
    const frames: string[] = [];
    market.model.onChange((change) => {
      if (change.client !== undefined && change.client !== DEMO_KEY.client) return;
      truth.note(change);
      frames.push(broadcastFrame(changedOnly ? changedFieldsOnly(change) : change, 'current'));
    });
    for (let i = 0; i < 3_600 * EVENTS_PER_SECOND; i++) {
      market.scenario.step(1);
      vi.advanceTimersByTime(Math.max(0, market.clock.now() - Date.now()));
      for (const text of frames) {
        const parsed = parseServerFrame(text);
        if (!parsed.ok) throw new Error(parsed.error);
        engine.handleFrame(parsed.frame, Date.now(), text);
      }
      frames.length = 0;
    }
    vi.advanceTimersByTime(60_000);
    return { told, unhedged: truth.byOrder() };
  } finally {
    vi.useRealTimers();
  }
}

describe('a simulated market hour', () => {
  for (const [seed, changedOnly] of [
    [42, false],
    [42, true],
    [7, false],
  ] as const) {
    it(`never tells 'No hedge' for more fills of an order than the scenario left unhedged (seed ${seed}${changedOnly ? ', changed fields only' : ''})`, () => {
      const { told, unhedged } = simulateHour(seed, changedOnly);
      const overTold = [...told].filter(([orderId, fills]) => fills > (unhedged.get(orderId) ?? 0));
      expect(overTold).toEqual([]);
      expect(told.size).toBeGreaterThan(0);
    });
  }
});
