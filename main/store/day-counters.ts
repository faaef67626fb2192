import { type DayCounters, emptyDayCounters } from '../../common/domain/feed-state';

export type { DayCounters };

/** Epoch ms of the start of the day containing `now`. */
export type DayStartFn = (now: number) => number;

export const localDayStart: DayStartFn = (now) => {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** Longer than any local day (23 to 25 h), shorter than two. */
const MORE_THAN_A_DAY = 26 * 60 * 60 * 1000;

/** Epoch ms of the start of the day after the one beginning at `dayStart`. */
export function nextDayStart(dayStartOf: DayStartFn, dayStart: number): number {
  return dayStartOf(dayStart + MORE_THAN_A_DAY);
}

/** Today's counters, reset when `now` leaves the current day (either way). */
export class DayCounter {
  private current: DayCounters;
  private nextDayStart: number;

  constructor(private readonly dayStartOf: DayStartFn = localDayStart) {
    this.current = emptyDayCounters(Number.NEGATIVE_INFINITY);
    this.nextDayStart = Number.NEGATIVE_INFINITY;
  }

  /** The live counters for the day containing `now`; callers increment fields in place. */
  at(now: number): DayCounters {
    if (now >= this.nextDayStart || now < this.current.dayStart) {
      const start = this.dayStartOf(now);
      if (Number.isFinite(start)) {
        if (start !== this.current.dayStart) this.current = emptyDayCounters(start);
        const next = nextDayStart(this.dayStartOf, start);
        this.nextDayStart = next > start ? next : Number.POSITIVE_INFINITY;
      }
    }
    return this.current;
  }

  /** A copy of the counters, rolled over to `now` when given. */
  snapshot(now?: number): DayCounters {
    const counters = now === undefined ? this.current : this.at(now);
    return { ...counters, dayStart: Number.isFinite(counters.dayStart) ? counters.dayStart : 0 };
  }
}
