import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../common/domain/events';
import type { FeedStatus } from '../../../common/domain/status';
import { Emitter } from '../../../common/emitter';
import { noColours } from '../../../main/cli/pretty-log';
import { writeRecords } from '../../../main/cli/record-writer';
import type { FeedEngineEvents } from '../../../main/engine';

class FakeEngine extends Emitter<FeedEngineEvents> {
  fire<K extends keyof FeedEngineEvents>(event: K, ...args: FeedEngineEvents[K]): void {
    this.emit(event, ...args);
  }
}

const NOW = 1_750_000_000_000;

/** Valid JSON, but nested deeper than JSON.stringify's stack reaches. */
function nestedTooDeep(depth = 200_000): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
}

function orderEvent(seq: number, extra: Record<string, unknown> = {}): FeedEvent {
  const payload = { orderId: 7, exchange: 'kalshi', ...extra };
  return {
    type: 'broadcast',
    channel: 'orders',
    event: 'UPDATE',
    payload,
    record: { orderId: '7', exchange: 'kalshi' },
    seq,
    receivedAt: NOW - 5,
  } as FeedEvent;
}

const live: FeedStatus = { state: 'live', since: NOW, emergency: false } as FeedStatus;

function setUp(format: 'json' | typeof noColours) {
  const engine = new FakeEngine();
  const lines: string[] = [];
  writeRecords(engine, (line) => lines.push(line), { format, now: () => NOW });
  return { engine, lines };
}

describe('writeRecords (--json)', () => {
  it('writes one NDJSON record per event, the gap inside the status that follows it', () => {
    const { engine, lines } = setUp('json');
    engine.fire('gap', { from: NOW - 100, to: NOW });
    engine.fire('status', live);
    engine.fire('event', orderEvent(1));
    engine.fire('status', live);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { type: 'status', ...live, gap: { from: NOW - 100, to: NOW } },
      {
        type: 'event',
        channel: 'orders',
        event: 'UPDATE',
        payload: { orderId: 7, exchange: 'kalshi' },
        seq: 1,
        receivedAt: NOW - 5,
      },
      { type: 'status', ...live },
    ]);
  });

  it('writes an error record in place of an event too deeply nested to serialise, and goes on', () => {
    const { engine, lines } = setUp('json');
    engine.fire('event', orderEvent(41, { receivedData: nestedTooDeep() }));
    engine.fire('event', orderEvent(42));
    expect(lines).toHaveLength(2);
    const records = lines.map((l) => JSON.parse(l));
    expect(records[0]).toEqual({
      type: 'error',
      source: 'bad-frame',
      at: NOW,
      message: expect.stringMatching(/^could not write event seq 41: .*call stack/),
    });
    expect(records[1]).toMatchObject({ type: 'event', seq: 42 });
  });
});

describe('writeRecords (readable log)', () => {
  it('writes an error line in place of an event whose change cannot be shown', () => {
    const { engine, lines } = setUp(noColours);
    const event = { ...orderEvent(9), old: { receivedData: nestedTooDeep() } } as FeedEvent;
    engine.fire('event', event);
    engine.fire('event', orderEvent(10));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/✖ bad-frame could not write event seq 9: .*call stack/);
    expect(lines[1]).toMatch(/orders UPDATE\s+order #7 kalshi/);
  });
});
