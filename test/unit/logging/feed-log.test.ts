import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../common/domain/status';
import { Emitter } from '../../../common/emitter';
import type { FeedController } from '../../../main/app/feed-controller';
import { type FeedLogEvents, logFeed } from '../../../main/logging/feed-log';
import { FileLogger } from '../../../main/logging/file-logger';
import { TEST_KEY as KEY, testFeedController } from '../../support/feed-controller-fixture';

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0);

let folder: string;
let lines: string[];
let logger: FileLogger;
let controller: FeedController | undefined;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mm-tray-feed-log-'));
  lines = [];
  logger = new FileLogger({ folder, echo: (line) => lines.push(line.trimEnd()) });
  vi.useFakeTimers({ now: T0 });
});

afterEach(async () => {
  vi.useRealTimers();
  await controller?.stop();
  controller = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** Lines without their timestamp: `[warn] (feed) …`. */
const logged = () => lines.map((line) => line.replace(/^\S+ /, ''));

function startController() {
  const { feed, sockets } = testFeedController({}, { random: () => 0.5 });
  controller = feed;
  logFeed(feed, logger.scoped('feed'));
  const last = () => sockets[sockets.length - 1]!;
  const goLive = () => {
    last().acceptConnection();
    last().receive({ type: 'subscribed', subscriptionId: sockets.length });
  };
  return { feed, last, goLive };
}

describe('the feed in the log', () => {
  it('records state changes (not every retry), emergencies, errors and gaps', async () => {
    const { feed, last, goLive } = startController();
    await feed.restart();
    goLive();
    last().receive({
      type: 'broadcast',
      channel: 'emergency',
      event: 'UPDATE',
      payload: { emergency: true, reason: 'exchange halted' },
    });
    last().receive('{not json');
    await vi.advanceTimersByTimeAsync(5_000);
    last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000); // retries, each a status of the same state
    goLive();
    last().receive({
      type: 'broadcast',
      channel: 'emergency',
      event: 'UPDATE',
      payload: { emergency: false },
    });

    expect(logged()).toEqual([
      // Stopped (restarting) is no change from stopped (starting).
      '[info] (feed) feed connecting',
      '[info] (feed) feed live',
      '[warn] (feed) EMERGENCY: exchange halted',
      '[warn] (feed) bad-frame error: frame is not JSON: {not json',
      '[warn] (feed) feed reconnecting: connection closed (1006)',
      // From the last frame heard to the new subscription.
      '[warn] (feed) updates may have been missed for 65 s, from 2026-11-27T10:00:00.000Z to 2026-11-27T10:01:05.000Z',
      '[info] (feed) feed live',
      '[info] (feed) emergency cleared',
    ]);
  });

  it('records a refused key, and never the key', async () => {
    const { feed, last } = startController();
    await feed.restart();
    last().acceptConnection();
    last().serverClose(1008, `Invalid API key ${KEY}`);
    expect(feed.status.state).toBe('auth-failed');
    expect(logged().at(-1)).toBe('[warn] (feed) API key refused: Invalid API key [redacted]');
    expect(lines.join('\n')).not.toMatch(/3f2b8c1e|9fa427/i);
  });

  it('redacts a key in whatever the feed reports, as the logger does for every line', () => {
    const source = new (class extends Emitter<FeedLogEvents> {
      readonly status: FeedStatus = { state: 'live', since: T0, attempt: 0, emergency: false };
      fire<K extends keyof FeedLogEvents>(event: K, ...args: FeedLogEvents[K]) {
        this.emit(event, ...args);
      }
    })();
    logFeed(source, logger.scoped('feed'));
    source.fire('error', { message: `server: bad key ${KEY}`, at: T0, source: 'server' });
    source.fire('status', {
      ...source.status,
      emergency: true,
      emergencyReason: `apiKey=${KEY.toUpperCase()}`,
    });
    expect(logged()).toEqual([
      '[warn] (feed) server error: server: bad key [redacted]',
      '[warn] (feed) EMERGENCY: apiKey=[redacted]',
    ]);
  });

  it('keeps a flood of errors from flushing the log', () => {
    const source = new (class extends Emitter<FeedLogEvents> {
      readonly status: FeedStatus = { state: 'live', since: T0, attempt: 0, emergency: false };
      fire<K extends keyof FeedLogEvents>(event: K, ...args: FeedLogEvents[K]) {
        this.emit(event, ...args);
      }
    })();
    logFeed(source, logger.scoped('feed'), { maxErrorsPerWindow: 3, errorWindowMs: 60_000 });
    const error = (n: number) =>
      source.fire('error', { message: `frame ${n}`, at: Date.now(), source: 'bad-frame' });
    for (let n = 1; n <= 1_000; n++) error(n);
    vi.advanceTimersByTime(60_000);
    error(1_001);
    expect(logged()).toEqual([
      '[warn] (feed) bad-frame error: frame 1',
      '[warn] (feed) bad-frame error: frame 2',
      '[warn] (feed) bad-frame error: frame 3',
      '[warn] (feed) more feed errors: left out for now',
      '[warn] (feed) 997 feed errors were left out of the log',
      '[warn] (feed) bad-frame error: frame 1001',
    ]);
  });
});
