import { describe, expect, it } from 'vitest';
import {
  clockFormat,
  formatCents,
  formatDuration,
  formatOdds,
  formatStake,
  listNames,
  redactSecrets,
} from '../../../main/alerts/format';

describe('notification formatting', () => {
  it('formats stakes with grouping and two decimals', () => {
    expect(formatStake(3450)).toBe('3,450.00');
    expect(formatStake(0.1 + 0.2)).toBe('0.30');
  });

  it('formats exchange prices as cents, whichever way they are given', () => {
    expect(formatCents(0.45)).toBe('45¢');
    expect(formatCents(0.455)).toBe('45.5¢');
    expect(formatCents(45)).toBe('45¢');
  });

  it('formats bookmaker odds with up to three decimals', () => {
    expect(formatOdds(1.808)).toBe('1.808');
    expect(formatOdds(2)).toBe('2');
  });

  it('formats durations for a person', () => {
    expect(formatDuration(15_000)).toBe('15 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_600_000 * 3 + 60_000 * 12)).toBe('3 h 12 min');
    expect(formatDuration(86_400_000 * 2)).toBe('2 d');
  });

  it('shows clock times, with the date when not recent', () => {
    const clock = clockFormat('UTC');
    const t = Date.UTC(2026, 1, 15, 10, 30, 5);
    expect(clock(t, t + 60_000)).toBe('10:30:05');
    expect(clock(t, t + 86_400_000)).toBe('Feb 15, 10:30:05');
  });

  it('removes anything that looks like an API key', () => {
    const key = '123E4567-E89B-12D3-A456-426614174000';
    expect(redactSecrets(`bad key ${key}`)).toBe('bad key [redacted]');
    expect(redactSecrets('api_key=abc123 other')).toBe('api_key=[redacted] other');
    expect(redactSecrets(`"apiKey": "${key.toLowerCase()}"`)).not.toContain(key.toLowerCase());
    expect(redactSecrets('order 123 on kalshi')).toBe('order 123 on kalshi');
  });

  it('lists a few names and counts the rest', () => {
    expect(listNames(['a', 'b'], 2)).toBe('a, b');
    expect(listNames(['a', 'b', 'c', 'd'], 10)).toBe('a, b, c and 7 more');
  });
});

describe('clockFormat with a time no Date can hold', () => {
  it.each([9e15, -9e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'writes the unknown text for %s instead of throwing',
    (at) => {
      const now = Date.UTC(2026, 1, 15, 10, 30, 5);
      expect(clockFormat('UTC')(at, now)).toBe('an unknown time');
      expect(clockFormat('UTC', { unknown: '未知时间', locale: 'zh-CN' })(at, now)).toBe(
        '未知时间',
      );
    },
  );

  it('still writes the last time a Date can hold', () => {
    expect(clockFormat('UTC')(8.64e15, 0)).toBe('Sep 13, 00:00:00');
  });
});
