import type { Channel } from '../../common/protocol/channels';
import { parseServerFrame } from '../../common/protocol/server-frames';

/** As many records per channel as the store keeps by default (orders, bets). */
const CAPACITY = 10_000;

interface KeptRecords {
  byId: Map<string, unknown>;
  /** Ids in insertion order, as a ring: the oldest goes when a new one needs room. */
  ids: (string | undefined)[];
  next: number;
}

function recordId(channel: Channel, record: Record<string, unknown>): string | undefined {
  switch (channel) {
    case 'orders':
      return record.orderId as string;
    case 'bets':
      return record.betId as string;
    case 'scores':
      return record.fixtureId as string;
    case 'accounts':
      return `${record.exchange}/${record.username}`;
    default:
      return undefined;
  }
}

/**
 * The reference client for what keeping state costs at all: parseServerFrame on every frame,
 * then the validated record kept by its id, at most 10,000 a channel, oldest out first. No
 * merging, no eviction policy, no effects, no notifications: any store that keeps the records
 * the dashboard shows pays at least this. The handler returns whether it kept the record.
 */
export function keepRecordsHandler(): (text: string) => boolean {
  const kept = new Map<Channel, KeptRecords>();
  return (text) => {
    const result = parseServerFrame(text);
    if (!result.ok || result.frame.type !== 'broadcast') return false;
    const { channel, record } = result.frame;
    const id = recordId(channel, record as Record<string, unknown>);
    if (id === undefined) return false;
    let records = kept.get(channel);
    if (records === undefined) {
      records = { byId: new Map(), ids: new Array(CAPACITY), next: 0 };
      kept.set(channel, records);
    }
    if (!records.byId.has(id)) {
      const evicted = records.ids[records.next];
      if (evicted !== undefined) records.byId.delete(evicted);
      records.ids[records.next] = id;
      records.next = (records.next + 1) % CAPACITY;
    }
    records.byId.set(id, record);
    return true;
  };
}
