import { afterEach, describe, expect, it, vi } from 'vitest';
import { TradingMonitor } from '../../../main/app/trading-monitor';
import { CONTROL_TIMEOUT_MS, type Fetch, RestClient } from '../../../main/rest';
import { FeedStore } from '../../../main/store/feed-store';
import { KEY, STATUS_BODY, WS_URL } from '../rest/fake-fetch';

// A stop or cancel-all that cancels hundreds of orders takes longer than a status read:
// the monitor gives the controls a longer timeout than the client's default.

const PNL = { netRealizedSpread: 0, nakedPnl: 0, unhedgedStake: 0, unhedgedStakePct: 0 };
const CONTROL_ANSWER_MS = 100;

/** Waits `ms`; rejects when aborted first, as fetch does. */
function answerAfter(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** A server whose reads answer at once and whose controls take CONTROL_ANSWER_MS. */
function slowControlServer(): { fetch: Fetch; posts: string[] } {
  const posts: string[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
  const fetch: Fetch = async (input, init) => {
    const path = new URL(String(input)).pathname.replace('/api/v1', '');
    if (init?.method !== 'POST') return json(path === '/pnl' ? PNL : STATUS_BODY);
    posts.push(path);
    const body =
      path === '/orders/cancel-all'
        ? { cancelled: 400 }
        : { ...STATUS_BODY, status: 'manual_stopped', manualStopped: true, result: 'stop_applied' };
    await answerAfter(CONTROL_ANSWER_MS, init.signal ?? undefined);
    return json(body);
  };
  return { fetch, posts };
}

let monitor: TradingMonitor;

afterEach(() => monitor.dispose());

function monitorOver(client: ConstructorParameters<typeof TradingMonitor>[0]['client']) {
  const store = new FeedStore();
  monitor = new TradingMonitor({
    client,
    engine: { store, mergeState: (input, now) => store.merge(input, now ?? Date.now()) },
  });
  return monitor;
}

describe('TradingMonitor’s controls and the REST timeout', () => {
  it('waits for a stop and a cancel-all slower than the client’s own timeout, sending each once', async () => {
    const server = slowControlServer();
    // The client's timeout stands in for the 10 s default: shorter than the controls take.
    const client = new RestClient({ url: WS_URL, apiKey: KEY, fetch: server.fetch, timeoutMs: 30 });
    monitorOver(client);

    expect(await monitor.act('stop')).toEqual({
      action: 'stop',
      ok: true,
      message: 'Trading stopped.',
    });
    expect(await monitor.act('cancel-all')).toEqual({
      action: 'cancel-all',
      ok: true,
      message: '400 open orders cancelled.',
    });
    expect(server.posts).toEqual(['/trading/stop', '/orders/cancel-all']);
  });

  it('asks 60 s for pause, resume, stop, start and cancel-all', async () => {
    const answer = async () => ({ ...STATUS_BODY, result: null });
    const client = {
      tradingStatus: vi.fn(async () => STATUS_BODY),
      snapshot: vi.fn(),
      positionsSummary: vi.fn(),
      pnl: vi.fn(async () => PNL),
      orders: vi.fn(),
      openOrders: vi.fn(),
      pause: vi.fn(answer),
      resume: vi.fn(answer),
      stop: vi.fn(answer),
      start: vi.fn(answer),
      cancelAll: vi.fn(async () => ({ cancelled: 0, failed: null, raw: {} })),
    };
    monitorOver(client);
    for (const action of ['pause', 'resume', 'stop', 'start', 'cancel-all'] as const) {
      await monitor.act(action);
    }
    expect(CONTROL_TIMEOUT_MS).toBe(60_000);
    for (const control of [client.pause, client.resume, client.stop, client.start]) {
      expect(control).toHaveBeenCalledExactlyOnceWith({ timeoutMs: 60_000 });
    }
    expect(client.cancelAll).toHaveBeenCalledExactlyOnceWith({}, { timeoutMs: 60_000 });
    expect(client.tradingStatus).not.toHaveBeenCalled();
  });
});
