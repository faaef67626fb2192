import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../common/protocol/channels';
import { parseCliArgs, UsageError } from '../../../main/cli/args';
import { PRODUCTION_URL } from '../../../main/feed/endpoint';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';

describe('parseCliArgs', () => {
  it('defaults to the production URL, all five channels and the documented timings', () => {
    expect(parseCliArgs(['--api-key', KEY], {})).toMatchObject({
      url: PRODUCTION_URL,
      apiKey: KEY,
      channels: [...CHANNELS],
      json: false,
      pingIntervalMs: 30_000,
      pongTimeoutMs: 10_000,
      hedgeGraceMs: 15_000,
      demo: false,
    });
  });

  it('takes the key from MM_API_KEY when --api-key is absent, and prefers --api-key', () => {
    expect(parseCliArgs([], { MM_API_KEY: KEY }).apiKey).toBe(KEY);
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    expect(parseCliArgs(['--api-key', other], { MM_API_KEY: KEY }).apiKey).toBe(other);
  });

  it('accepts fractional seconds', () => {
    const options = parseCliArgs(
      [
        '--api-key',
        KEY,
        '--ping-interval',
        '0.25',
        '--pong-timeout',
        '1.5',
        '--hedge-grace',
        '0.1',
      ],
      {},
    );
    expect(options).toMatchObject({ pingIntervalMs: 250, pongTimeoutMs: 1_500, hedgeGraceMs: 100 });
  });

  it('needs no key or URL in demo mode, and refuses --url with it', () => {
    expect(parseCliArgs(['--demo'], {})).toMatchObject({ demo: true, apiKey: undefined });
    // MM_API_KEY is for the real service: the simulator would refuse it, and should not see it.
    expect(parseCliArgs(['--demo'], { MM_API_KEY: KEY }).apiKey).toBeUndefined();
    expect(parseCliArgs(['--demo', '--api-key', KEY], {}).apiKey).toBe(KEY);
    expect(() => parseCliArgs(['--demo', '--url', 'wss://x/ws'], {})).toThrow(UsageError);
  });

  it.each([
    [['--api-key', KEY, '--hedge-grace', '-1'], /hedge-grace/],
    [['--api-key', KEY, '--pong-timeout', ''], /pong-timeout/],
    [['--api-key', KEY, '--url', 'ws://10.0.0.5/ws/subscribe'], /unencrypted/],
    [['--api-key', KEY, '--url', 'nonsense'], /not a valid URL/],
    [['--api-key', KEY, '--channels', ''], /channel/],
    [['--api-key', 'abc'], /UUID/],
    [['extra'], /positional|Unexpected argument/i],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });
});
