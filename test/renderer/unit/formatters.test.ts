import { describe, expect, it } from 'vitest';
import { createFormatters, UNKNOWN_TIME } from '../../../renderer/src/i18n/formatters';

describe('time formatters with a time no Date can hold', () => {
  const now = Date.UTC(2026, 1, 15, 10, 30, 5);

  it.each([9e15, -9e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'write the unknown text for %s instead of throwing',
    (ms) => {
      for (const locale of ['en-US', 'zh-CN']) {
        const fmt = createFormatters(locale);
        expect(fmt.when(ms, now)).toBe(UNKNOWN_TIME);
        expect(fmt.time(ms)).toBe(UNKNOWN_TIME);
      }
    },
  );

  it('still write a real time', () => {
    const fmt = createFormatters('en-US');
    expect(fmt.when(now + 60_000, now)).not.toBe(UNKNOWN_TIME);
    expect(fmt.when(8.64e15, now)).not.toBe(UNKNOWN_TIME);
  });
});
