import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../common/domain/events';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { FeedEngine } from '../../../main/engine';
import { RecentEvents } from '../../../main/store/recent-events';
import { ScenarioFrames } from '../../bench/scenario-frames';
import { scoreEvent } from './feed-events';

const KEY = '6f1c3f52-8a4e-4d0b-9d51-2f1f8c3a7b10';

function eventFromText(text: string, seq: number, receivedAt: number): FeedEvent {
  const result = parseServerFrame(text);
  if (!result.ok || result.frame.type !== 'broadcast') throw new Error(`not a broadcast: ${text}`);
  return { ...result.frame, seq, receivedAt };
}

const fixtureIds = (events: FeedEvent[]) =>
  events.map((e) => (e.record as { fixtureId: string }).fixtureId);

describe('RecentEvents', () => {
  it('reads back events kept as their text equal to the events, seq and time included', () => {
    const texts = new ScenarioFrames().take(50);
    const recent = new RecentEvents(100);
    const written = texts.map((text, i) => eventFromText(text, i + 1, 1_000 + i));
    written.forEach((event, i) => {
      recent.push(event, texts[i]);
    });
    expect(recent.toArray()).toEqual(written);
  });

  it('keeps the newest events, oldest first, whether kept as text or as objects', () => {
    const recent = new RecentEvents(3);
    for (let i = 1; i <= 5; i += 1) {
      const frame = {
        type: 'broadcast',
        channel: 'scores',
        event: 'UPDATE',
        payload: { fixtureId: `f${i}` },
      };
      const event = scoreEvent({ fixtureId: `f${i}` }, i);
      if (i % 2 === 0) recent.push(event, JSON.stringify(frame));
      else recent.push(event);
    }
    expect(recent.size).toBe(3);
    expect(fixtureIds(recent.toArray())).toEqual(['f3', 'f4', 'f5']);
  });

  it('stays at capacity over many events', () => {
    const recent = new RecentEvents(2_000);
    const texts = new ScenarioFrames().take(500);
    for (let i = 0; i < 20_000; i += 1) {
      const text = texts[i % texts.length] as string;
      recent.push(eventFromText(text, i + 1, i), text);
    }
    const events = recent.toArray();
    expect(events).toHaveLength(2_000);
    expect(events[0]?.seq).toBe(18_001);
    expect(events[1_999]?.seq).toBe(20_000);
  });

  it('empties on clear', () => {
    const recent = new RecentEvents(2);
    recent.push(scoreEvent({ fixtureId: 'f1' }));
    recent.clear();
    expect(recent.size).toBe(0);
    expect(recent.toArray()).toEqual([]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentEvents(0)).toThrow(RangeError);
    expect(() => new RecentEvents(1.5)).toThrow(RangeError);
  });
});

describe('the engine’s recent events', () => {
  it('are the events it emitted for the frames it was handed with their text', () => {
    const engine = new FeedEngine({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: KEY,
      channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
      store: { recentCapacity: 500 },
    });
    const emitted: FeedEvent[] = [];
    engine.on('event', (event) => emitted.push(structuredClone(event)));
    let now = Date.UTC(2026, 4, 1, 9);
    for (const text of new ScenarioFrames().take(1_200)) {
      const result = parseServerFrame(text);
      if (result.ok) engine.handleFrame(result.frame, ++now, text);
    }
    expect(emitted).toHaveLength(1_200);
    expect(engine.snapshot().recentEvents).toEqual(emitted.slice(-500));
  });
});
