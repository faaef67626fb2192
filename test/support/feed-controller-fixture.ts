import { DEFAULT_SETTINGS } from '../../common/settings/schema';
import { FeedController, type FeedControllerOptions } from '../../main/app/feed-controller';
import type { FeedEngineOptions } from '../../main/engine';
import { fakeSocketFactory } from './fake-socket';

export const TEST_KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';

/**
 * A FeedController on fake sockets, with the key TEST_KEY, default settings, no demo and no
 * REST (each throws if used), a fixed jitter and a quick stop; `options` and `engine` change
 * any of it.
 */
export function testFeedController(
  options: Partial<FeedControllerOptions> = {},
  engine: Partial<FeedEngineOptions> = {},
) {
  const { factory, sockets } = fakeSocketFactory();
  const feed = new FeedController({
    keys: { readKey: () => TEST_KEY },
    settings: () => DEFAULT_SETTINGS,
    startSimulator: () => Promise.reject(new Error('no demo in these tests')),
    createRestClient: () => {
      throw new Error('no REST in these tests');
    },
    ...options,
    engine: { createSocket: factory, random: () => 1, stopTimeoutMs: 10, ...engine },
  });
  return { feed, sockets };
}
