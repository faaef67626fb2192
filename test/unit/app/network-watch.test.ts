import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from '../../../main/app/network-watch';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchNetwork', () => {
  it('reports each return of the network, not each poll', () => {
    let online = true;
    const back = vi.fn();
    const stop = watchNetwork({ isOnline: () => online, onBackOnline: back, intervalMs: 1_000 });
    vi.advanceTimersByTime(3_000);
    expect(back).not.toHaveBeenCalled();
    online = false;
    vi.advanceTimersByTime(2_000);
    online = true;
    vi.advanceTimersByTime(5_000);
    expect(back).toHaveBeenCalledTimes(1);
    stop();
    online = false;
    vi.advanceTimersByTime(1_000);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(back).toHaveBeenCalledTimes(1);
  });
});
