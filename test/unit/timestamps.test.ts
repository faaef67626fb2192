import { describe, expect, it } from 'vitest';
import { compareTimestamps, parseTimestamp } from '../../common/timestamps';
import { inTimeZone } from '../support/time-zone';

const AT = Date.UTC(2026, 1, 15, 10, 30, 5, 120);
const ZONES = ['America/New_York', 'Asia/Tokyo', 'UTC'];

/** Ways a server may write the instant `ms`, each to the millisecond. */
const SHAPES: ((ms: number) => string)[] = [
  (ms) => new Date(ms).toISOString(),
  (ms) => new Date(ms).toISOString().replace('Z', '+00:00'),
  (ms) => new Date(ms).toISOString().replace('Z', '000Z'),
  (ms) => new Date(ms + 7_200_000).toISOString().replace('Z', '+02:00'),
  (ms) => new Date(ms).toISOString().replace('T', ' '),
  (ms) => new Date(ms).toISOString().replace('Z', ''),
  (ms) => new Date(ms).toISOString().replace('Z', '000'),
  (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', ''),
];

describe('parseTimestamp', () => {
  it('reads a time written with no zone as UTC, whatever the machine zone', () => {
    for (const zone of ZONES) {
      inTimeZone(zone, () => {
        expect(parseTimestamp('2026-02-15T10:30:05.120')).toBe(AT);
        expect(parseTimestamp('2026-02-15T10:30:05.120000')).toBe(AT);
        expect(parseTimestamp('2026-02-15 10:30:05.120')).toBe(AT);
        expect(parseTimestamp('2026-02-15T10:30')).toBe(Date.UTC(2026, 1, 15, 10, 30));
      });
    }
  });

  it('reads a zone or an offset as written, and no time from anything else', () => {
    inTimeZone('America/New_York', () => {
      expect(parseTimestamp('2026-02-15T10:30:05.120Z')).toBe(AT);
      expect(parseTimestamp('2026-02-15T12:30:05.120+02:00')).toBe(AT);
      expect(parseTimestamp('2026-02-15T05:30:05.120-05:00')).toBe(AT);
      expect(parseTimestamp('2026-02-15')).toBe(Date.UTC(2026, 1, 15));
    });
    expect(parseTimestamp('soon')).toBeUndefined();
    expect(parseTimestamp('')).toBeUndefined();
    expect(parseTimestamp(AT)).toBeUndefined();
    expect(parseTimestamp(undefined)).toBeUndefined();
  });
});

describe('compareTimestamps', () => {
  it('orders two times by their instants, whatever their shapes and the machine zone', () => {
    for (const zone of ZONES) {
      inTimeZone(zone, () => {
        const wrong: string[] = [];
        for (const a of SHAPES) {
          for (const b of SHAPES) {
            for (const delta of [-3_600_000, -1_000, -1, 0, 1, 1_000, 3_600_000]) {
              const [earlier, later] = [a(AT), b(AT + delta)];
              const got = compareTimestamps(earlier, later);
              if (got !== Math.sign(delta)) wrong.push(`${zone}: ${earlier} vs ${later}: ${got}`);
            }
          }
        }
        expect(wrong).toEqual([]);
      });
    }
  });

  it('tells nothing when either time is missing or unreadable', () => {
    const at = new Date(AT).toISOString();
    expect(compareTimestamps(at, undefined)).toBe(0);
    expect(compareTimestamps(undefined, at)).toBe(0);
    expect(compareTimestamps(at, 'soon')).toBe(0);
    expect(compareTimestamps(undefined, undefined)).toBe(0);
  });
});
