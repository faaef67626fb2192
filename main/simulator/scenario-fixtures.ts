import type { FixtureRecord, ScoreLine } from './model-types';
import type { Prng } from './prng';
import { newFixtureId } from './scenario-data';

// statusId is not documented; these values only have to be stable.
export const STATUS_NOT_STARTED = 0;
export const STATUS_IN_PLAY = 1;
export const STATUS_BREAK = 2;
export const STATUS_FINISHED = 3;

const GOAL_CHANCE = 0.07;

/** A football fixture, either about to kick off or already somewhere in its first half. */
export function newFixture(prng: Prng, alreadyPlaying: boolean): FixtureRecord {
  const minute = alreadyPlaying ? prng.int(1, 44) : 0;
  return {
    fixtureId: newFixtureId(prng),
    live: alreadyPlaying,
    statusId: alreadyPlaying ? STATUS_IN_PLAY : STATUS_NOT_STARTED,
    currentPeriod: alreadyPlaying ? '1st Half' : 'Not Started',
    currentMinute: minute,
    scores: { home: 0, away: 0, period1Home: 0, period1Away: 0 },
  };
}

function withGoal(scores: ScoreLine, home: boolean, secondHalf: boolean): ScoreLine {
  const next = { ...scores };
  if (home) next.home += 1;
  else next.away += 1;
  if (secondHalf) {
    if (home) next.period2Home = (next.period2Home ?? 0) + 1;
    else next.period2Away = (next.period2Away ?? 0) + 1;
  } else if (home) next.period1Home += 1;
  else next.period1Away += 1;
  return next;
}

/**
 * The next thing that happens in a fixture: the clock runs on, a goal goes in, a half
 * ends. Returns null once the match is over (the caller replaces the fixture).
 */
export function nextFixtureChange(
  fixture: FixtureRecord,
  prng: Prng,
): Partial<FixtureRecord> | null {
  switch (fixture.currentPeriod) {
    case 'Not Started':
      return { live: true, statusId: STATUS_IN_PLAY, currentPeriod: '1st Half', currentMinute: 1 };
    case 'Half Time':
      return {
        statusId: STATUS_IN_PLAY,
        currentPeriod: '2nd Half',
        currentMinute: 46,
        scores: { ...fixture.scores, period2Home: 0, period2Away: 0 },
      };
    case 'Full Time':
      return null;
    default: {
      const secondHalf = fixture.currentPeriod === '2nd Half';
      const end = secondHalf ? 90 : 45;
      const minute = Math.min(end, fixture.currentMinute + prng.int(1, 3));
      if (fixture.currentMinute >= end) {
        return secondHalf
          ? { live: false, statusId: STATUS_FINISHED, currentPeriod: 'Full Time' }
          : { statusId: STATUS_BREAK, currentPeriod: 'Half Time' };
      }
      const change: Partial<FixtureRecord> = { currentMinute: minute };
      if (prng.chance(GOAL_CHANCE))
        change.scores = withGoal(fixture.scores, prng.chance(0.55), secondHalf);
      return change;
    }
  }
}
