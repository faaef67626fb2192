import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../renderer/src/components/text-search';
import { inTimeZone } from '../../support/time-zone';

describe('the dashboard’s reading of server times', () => {
  it('reads a time written with no zone as UTC, as main does, whatever the machine’s zone', () => {
    for (const zone of ['America/New_York', 'Asia/Tokyo']) {
      inTimeZone(zone, () => {
        expect(parseTime('2026-02-15T10:30:00')).toBe(Date.UTC(2026, 1, 15, 10, 30));
        expect(parseTime('2026-02-15T10:30:00.000Z')).toBe(Date.UTC(2026, 1, 15, 10, 30));
        expect(parseTime('2026-02-15T10:30:00+01:00')).toBe(Date.UTC(2026, 1, 15, 9, 30));
        expect(parseTime('not a time')).toBeNull();
      });
    }
  });
});
