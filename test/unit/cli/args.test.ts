import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../common/protocol/channels';
import { settingsSchema } from '../../../common/settings/schema';
import { parseCliArgs, SECONDS_RANGE, UsageError } from '../../../main/cli/args';
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

  it('takes each timing option at the ends of its range', () => {
    const at = (value: string) =>
      parseCliArgs(
        [
          '--api-key',
          KEY,
          '--ping-interval',
          value,
          '--pong-timeout',
          value,
          '--hedge-grace',
          value === '86400' ? '600' : value,
        ],
        {},
      );
    expect(at('0.1')).toMatchObject({ pingIntervalMs: 100, pongTimeoutMs: 100, hedgeGraceMs: 100 });
    expect(at('86400')).toMatchObject({
      pingIntervalMs: 86_400_000,
      pongTimeoutMs: 86_400_000,
      hedgeGraceMs: 600_000,
    });
  });

  it("caps the hedge grace where the app's setting is capped", () => {
    const setting = settingsSchema.shape.hedgeGraceSeconds;
    expect(setting.safeParse(SECONDS_RANGE['hedge-grace'].max).success).toBe(true);
    expect(setting.safeParse(SECONDS_RANGE['hedge-grace'].max + 0.001).success).toBe(false);
  });

  it.each([
    // Past setTimeout's limit Node fires after 1 ms: a flood of pings.
    ['--ping-interval', '3000000'],
    ['--ping-interval', '86400.001'],
    // Would round to 0 ms.
    ['--ping-interval', '0.0001'],
    ['--ping-interval', '0.05'],
    ['--pong-timeout', '3000000'],
    ['--pong-timeout', '0.0004'],
    ['--hedge-grace', '600.5'],
    ['--hedge-grace', '0.0001'],
    ['--hedge-grace', '0'],
    ['--ping-interval', 'Infinity'],
    ['--ping-interval', '1e400'],
  ])('refuses %s %s, naming the range', (option, value) => {
    expect(() => parseCliArgs(['--api-key', KEY, option, value], {})).toThrow(
      new RegExp(`${option}.* from 0\\.1 to [\\d,]+, not "${value.replace('.', '\\.')}"`),
    );
    expect(() => parseCliArgs(['--api-key', KEY, option, value], {})).toThrow(UsageError);
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
