import type { Channel } from '../../../../common/protocol/channels';
import type { FeedEntry } from '../../store/dashboard-state';
import { searchTextOf } from './event-text';

export interface FeedFilter {
  channel: Channel | 'all';
  kind: 'all' | 'INSERT' | 'UPDATE';
  text: string;
}

export const NO_FILTER: FeedFilter = { channel: 'all', kind: 'all', text: '' };

export function isFiltering(filter: FeedFilter): boolean {
  return filter.channel !== 'all' || filter.kind !== 'all' || filter.text.trim() !== '';
}

/** The entries the filter lets through, in order; the same array when nothing is filtered. */
export function filterEntries(
  entries: readonly FeedEntry[],
  filter: FeedFilter,
): readonly FeedEntry[] {
  if (!isFiltering(filter)) return entries;
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(({ event }) => {
    if (filter.channel !== 'all' && event.channel !== filter.channel) return false;
    if (filter.kind !== 'all' && event.event !== filter.kind) return false;
    if (words.length === 0) return true;
    const text = searchTextOf(event);
    return words.every((word) => text.includes(word));
  });
}
