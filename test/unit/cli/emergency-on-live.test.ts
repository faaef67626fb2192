import { describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../common/domain/status';
import { Emitter } from '../../../common/emitter';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { readEmergencyOnLive } from '../../../main/cli/emergency-on-live';
import type { StoreMergeInput } from '../../../main/store/feed-store';

/** The part of the engine the follower uses, driven by hand. */
class FakeEngine extends Emitter<{ status: [FeedStatus] }> {
  status = { state: 'connecting' } as FeedStatus;
  store = { emergencyBroadcasts: 0 };
  merged: StoreMergeInput[] = [];
  mergeState(input: StoreMergeInput) {
    this.merged.push(input);
    return [];
  }
  become(state: FeedStatus['state']): void {
    this.status = { ...this.status, state };
    this.emit('status', this.status);
  }
}

const tradingStatus = (emergencyActive: boolean, systemReason: string | null = null) =>
  ({ emergencyActive, systemReason }) as TradingStatus;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the CLI reads the emergency state from REST at each return to live', () => {
  it('takes in what REST says, once per return to live', async () => {
    const engine = new FakeEngine();
    const read = vi.fn(async () => tradingStatus(true, 'exchange outage'));
    readEmergencyOnLive(engine as never, read, () => {});
    engine.become('live');
    engine.become('live');
    await vi.waitFor(() => expect(engine.merged).toHaveLength(1));
    expect(engine.merged[0]).toEqual({ emergency: { active: true, reason: 'exchange outage' } });
    engine.become('reconnecting');
    engine.become('live');
    await vi.waitFor(() => expect(engine.merged).toHaveLength(2));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('leaves out a read that an emergency broadcast overtook, or that ended after the feed went down', async () => {
    const engine = new FakeEngine();
    const reads = [deferred<TradingStatus>(), deferred<TradingStatus>()];
    let next = 0;
    readEmergencyOnLive(
      engine as never,
      () => reads[next++]!.promise,
      () => {},
    );
    engine.become('live');
    engine.store.emergencyBroadcasts = 1;
    reads[0]!.resolve(tradingStatus(false));
    engine.become('reconnecting');
    engine.become('live');
    engine.become('stopped');
    reads[1]!.resolve(tradingStatus(true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.merged).toEqual([]);
  });

  it('says so when REST cannot be read', async () => {
    const engine = new FakeEngine();
    const failures: string[] = [];
    readEmergencyOnLive(
      engine as never,
      async () => {
        throw new Error('401 API key refused');
      },
      (message) => failures.push(message),
    );
    engine.become('live');
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(failures[0]).toMatch(/emergency state from REST.*401/);
    expect(engine.merged).toEqual([]);
  });
});
