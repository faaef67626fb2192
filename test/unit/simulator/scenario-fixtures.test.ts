import { describe, expect, it } from 'vitest';
import type { FixtureRecord } from '../../../main/simulator';
import { Prng } from '../../../main/simulator';
import { newFixture, nextFixtureChange } from '../../../main/simulator/scenario-fixtures';

function playOut(fixture: FixtureRecord, prng: Prng): FixtureRecord[] {
  const states = [fixture];
  let current = fixture;
  for (let i = 0; i < 500; i++) {
    const change = nextFixtureChange(current, prng);
    if (change === null) return states;
    current = { ...current, ...change };
    states.push(current);
  }
  throw new Error('the match never ended');
}

describe('fixture progression', () => {
  it('plays a match from kick-off through half time to full time', () => {
    const prng = new Prng(11);
    const states = playOut(newFixture(prng, false), prng);
    const periods = [...new Set(states.map((s) => s.currentPeriod))];
    expect(periods).toEqual(['Not Started', '1st Half', 'Half Time', '2nd Half', 'Full Time']);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ live: false, currentMinute: 90 });
    expect(last.scores.home).toBe(last.scores.period1Home + (last.scores.period2Home ?? 0));
    expect(last.scores.away).toBe(last.scores.period1Away + (last.scores.period2Away ?? 0));
  });

  it('never turns the clock back and never takes a goal away', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const prng = new Prng(seed);
      const states = playOut(newFixture(prng, true), prng);
      for (let i = 1; i < states.length; i++) {
        expect(states[i]!.currentMinute).toBeGreaterThanOrEqual(states[i - 1]!.currentMinute);
        expect(states[i]!.scores.home).toBeGreaterThanOrEqual(states[i - 1]!.scores.home);
        expect(states[i]!.scores.away).toBeGreaterThanOrEqual(states[i - 1]!.scores.away);
      }
    }
  });

  it('gives fixture ids in the documented shape', () => {
    const prng = new Prng(1);
    for (let i = 0; i < 100; i++)
      expect(newFixture(prng, true).fixtureId).toMatch(/^id1000000\d{9}$/);
  });
});
