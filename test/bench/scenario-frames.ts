import { broadcastFrame, createMarketScenario, type MarketScenario } from '../../main/simulator';

/** Fixed, so every run replays the same market day and the figures compare across runs. */
export const BENCH_SEED = 20_260_501;
const BENCH_START = Date.UTC(2026, 4, 1, 9, 0, 0);
/** A busy day: the scenario's clock moves 1 ms per event. */
const EVENTS_PER_SECOND = 1_000;

/**
 * The simulator's market day as frame text, one broadcast per event, for one client's key
 * (its orders, bets and accounts plus the global scores and emergency channels).
 */
export class ScenarioFrames {
  private readonly market: MarketScenario;
  private readonly produced: string[] = [];

  constructor(seed = BENCH_SEED) {
    this.market = createMarketScenario([{ client: 'bench', name: 'Bench Trading' }], {
      seed,
      startTime: BENCH_START,
      eventsPerSecond: EVENTS_PER_SECOND,
    });
    this.market.model.onChange((change) => this.produced.push(broadcastFrame(change, 'current')));
  }

  /** The scenario's clock (epoch ms): the time of the newest frame. */
  get now(): number {
    return this.market.clock.now();
  }

  /** The next frame of the day. */
  next(): string {
    while (this.produced.length === 0) this.market.scenario.step(1);
    return this.produced.shift()!;
  }

  /** The next `count` frames. */
  take(count: number): string[] {
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = this.next();
    return out;
  }
}

/** Share of frames per channel, and their average size in bytes (UTF-8). */
export function describeFrames(frames: readonly string[]): {
  frameBytesAvg: number;
  channelMix: Record<string, number>;
} {
  let bytes = 0;
  const counts: Record<string, number> = {};
  for (const frame of frames) {
    bytes += Buffer.byteLength(frame);
    const channel = /"channel":"([a-z]+)"/.exec(frame)?.[1] ?? '?';
    counts[channel] = (counts[channel] ?? 0) + 1;
  }
  const channelMix: Record<string, number> = {};
  for (const [channel, n] of Object.entries(counts))
    channelMix[channel] = Math.round((n / frames.length) * 1000) / 1000;
  return { frameBytesAvg: Math.round(bytes / Math.max(1, frames.length)), channelMix };
}
