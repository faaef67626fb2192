import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { TradingView } from '../../../common/ipc/trading';
import type { TradingControlResult, TradingStatus } from '../../../common/rest/trading-status';
import { outcomeIntent } from '../../../main/app/trading-commands';
import { type TradingClient, TradingMonitor } from '../../../main/app/trading-monitor';
import {
  KeyRefusedError,
  NetworkError,
  RateLimitedError,
  RequestInvalidError,
  RestTimeoutError,
  ServerRefusedError,
  UnexpectedResponseError,
} from '../../../main/rest';
import { FeedStore } from '../../../main/store/feed-store';
import { tradingStatus } from '../../support/trading-status';

// What the trader is told after Pause, Resume, Stop or Start, and what the follow-up
// status read then announces, when the server's answer is not the plain "done".

const T0 = Date.UTC(2026, 1, 15, 10, 30);

const systemStop = tradingStatus('system_stopped', { systemReason: 'exchange outage' });
const stoppedOverRest = tradingStatus('manual_stopped', {
  manualStopReason: 'Stopped over the REST API',
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let monitor: TradingMonitor;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  monitor.dispose();
  vi.useRealTimers();
});

/** A monitor that has read the status once (live); its notifications, urgent ones marked. */
async function setUp() {
  let state = tradingStatus('live');
  const unused = vi.fn(async (): Promise<never> => {
    throw new Error('not used here');
  });
  const control = async (): Promise<TradingControlResult> => {
    throw new Error('not used here');
  };
  const client = {
    tradingStatus: vi.fn(async () => state),
    snapshot: unused,
    positionsSummary: unused,
    pnl: vi.fn(async () => ({
      netRealizedSpread: 0,
      nakedPnl: 0,
      unhedgedStake: 0,
      unhedgedStakePct: 0,
    })),
    orders: unused,
    openOrders: unused,
    pause: vi.fn(control),
    resume: vi.fn(control),
    stop: vi.fn(control),
    start: vi.fn(control),
    cancelAll: unused,
  } satisfies TradingClient;
  const store = new FeedStore();
  monitor = new TradingMonitor({
    client,
    engine: { store, mergeState: (input, now) => store.merge(input, now ?? Date.now()) },
    pollMs: 20_000,
    now: () => Date.now(),
  });
  const notifications: string[] = [];
  monitor.on('notification', (n: NotificationIntent) =>
    notifications.push(`${n.urgent ? 'urgent ' : ''}${n.title}: ${n.body}`),
  );
  monitor.start();
  await vi.advanceTimersByTimeAsync(0);
  return { client, notifications, set: (next: TradingStatus) => (state = next) };
}

describe('TradingMonitor when a control’s answer is unclear', () => {
  it('reads the status after a stop that got no clear answer, and reports it done once trading is stopped', async () => {
    const failures = [
      new RestTimeoutError('POST /trading/stop', 10_000),
      new NetworkError('POST /trading/stop', 'could not reach host (ECONNRESET): socket hang up'),
      new UnexpectedResponseError('POST /trading/stop', 504, 'answered 504: Gateway Timeout'),
      new UnexpectedResponseError('POST /trading/stop', 200, 'unexpected answer: result: invalid'),
    ];
    for (const failure of failures) {
      const { client, notifications, set } = await setUp();
      client.stop.mockImplementationOnce(async () => {
        set(stoppedOverRest);
        throw failure;
      });
      const outcome = await monitor.act('stop');
      await vi.advanceTimersByTimeAsync(60_000);

      expect(outcome).toEqual({
        action: 'stop',
        ok: true,
        message: `No clear answer from the server (${failure.message}). The status now: trading stopped.`,
      });
      // Sent once, and its effect is not announced as someone else's.
      expect(client.stop).toHaveBeenCalledTimes(1);
      expect(notifications).toEqual([]);
      monitor.dispose();
    }
  });

  it('reports a stop with no clear answer as failed, with the state read after it, when trading goes on', async () => {
    const { client, notifications } = await setUp();
    client.stop.mockRejectedValueOnce(new RestTimeoutError('POST /trading/stop', 10_000));
    const outcome = await monitor.act('stop');
    expect(outcome).toEqual({
      action: 'stop',
      ok: false,
      message:
        'No clear answer from the server (no answer from the server within 10 s). The status now: trading live.',
    });
    expect(outcomeIntent(outcome, T0)).toMatchObject({
      title: 'Stop trading failed',
      urgent: true,
    });
    expect(notifications).toEqual([]);
  });

  it('tells a stop the server says partly failed (502) urgently, with the state it left, as its own doing', async () => {
    const { client, notifications, set } = await setUp();
    client.stop.mockImplementationOnce(async () => {
      set(stoppedOverRest);
      throw new ServerRefusedError(
        'POST /trading/stop',
        502,
        'Trading stopped, but 3 could not be cancelled',
      );
    });
    const outcome = await monitor.act('stop');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(outcome).toEqual({
      action: 'stop',
      ok: false,
      message:
        'The server reports a partial failure (Trading stopped, but 3 could not be cancelled). The status now: trading stopped.',
    });
    expect(monitor.current.status?.status).toBe('manual_stopped');
    expect(notifications).toEqual([]);
  });

  it('says so when the status cannot be read after an unclear answer either', async () => {
    const { client } = await setUp();
    client.pause.mockRejectedValueOnce(new RestTimeoutError('POST /trading/pause', 10_000));
    client.tradingStatus.mockRejectedValueOnce(
      new NetworkError('GET /trading/status', 'could not reach host (ECONNREFUSED)'),
    );
    expect(await monitor.act('pause')).toEqual({
      action: 'pause',
      ok: false,
      message:
        'No clear answer from the server (no answer from the server within 10 s), and the status could not be read (could not reach host (ECONNREFUSED)): check it before trying again.',
    });
    expect(client.pause).toHaveBeenCalledTimes(1);
  });

  it('takes a clear refusal at its word, without reading the status for it', async () => {
    const refusals = [
      new KeyRefusedError('POST /trading/pause', 'Invalid API key'),
      new ServerRefusedError('POST /trading/pause', 409, 'system stop (maintenance)'),
      new RequestInvalidError('POST /trading/pause', [], 'body: field required'),
      new RateLimitedError('POST /trading/pause', 4),
    ];
    for (const refusal of refusals) {
      const { client } = await setUp();
      client.pause.mockRejectedValueOnce(refusal);
      const reads = client.tradingStatus.mock.calls.length;
      expect(await monitor.act('pause')).toMatchObject({ action: 'pause', ok: false });
      // Only the read that follows every action.
      expect(client.tradingStatus.mock.calls.length).toBe(reads + 1);
      monitor.dispose();
    }
  });
});

describe('TradingMonitor and the status a control answers', () => {
  it('announces a system stop first seen in the answer to the trader’s own pause, urgently', async () => {
    const { client, notifications, set } = await setUp();
    client.pause.mockImplementationOnce(async () => {
      const now = { ...systemStop, manualPaused: true };
      set(now);
      return { ...now, result: 'pause_applied' };
    });
    const outcome = await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(outcome).toEqual({
      action: 'pause',
      ok: true,
      message:
        'Trading paused: no new orders are posted; resting orders stay. The status now: trading stopped by the system.',
    });
    expect(notifications).toEqual([
      'urgent Trading stopped by the system: exchange outage (was: trading live)',
    ]);
  });

  it('reports a resume the server answers start_required as not done', async () => {
    const { client, set } = await setUp();
    set(tradingStatus('manual_stopped'));
    client.resume.mockResolvedValueOnce({
      ...tradingStatus('manual_stopped'),
      result: 'start_required',
    });
    const outcome = await monitor.act('resume');
    expect(outcome).toEqual({
      action: 'resume',
      ok: false,
      message: 'Trading is stopped: choose Start trading, not Resume.',
    });
    expect(outcomeIntent(outcome, T0)).toMatchObject({
      title: 'Resume trading failed',
      urgent: true,
    });
  });

  it('takes the state it asked for as its own doing: no notification', async () => {
    const { client, notifications, set } = await setUp();
    client.stop.mockImplementationOnce(async () => {
      set(tradingStatus('manual_stopped'));
      return { ...tradingStatus('manual_stopped'), result: 'stop_applied' };
    });
    expect(await monitor.act('stop')).toEqual({
      action: 'stop',
      ok: true,
      message: 'Trading stopped.',
    });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(notifications).toEqual([]);
  });
});

describe('TradingMonitor disposed while an action runs (the feed restarted)', () => {
  it('publishes nothing of the late answer: no status, no busy control', async () => {
    const { client } = await setUp();
    const answer = deferred<TradingControlResult>();
    client.stop.mockImplementationOnce(() => answer.promise);
    const views: TradingView[] = [];
    monitor.on('view', (view) => views.push(view));
    const outcome = monitor.act('stop');
    expect(views.at(-1)?.busy).toBe('stop');
    views.length = 0;

    monitor.dispose();
    answer.resolve({ ...tradingStatus('manual_stopped'), result: 'stop_applied' });
    expect(await outcome).toMatchObject({ action: 'stop', ok: true });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(views).toEqual([]);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
  });
});
