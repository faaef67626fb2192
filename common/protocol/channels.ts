export const CHANNELS = ['orders', 'bets', 'accounts', 'scores', 'emergency'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels that carry only the key owner's data; the others go to every subscriber. */
export const CLIENT_CHANNELS: readonly Channel[] = ['orders', 'bets', 'accounts'];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export function parseChannelList(text: string): Channel[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isChannel(n));
  if (unknown.length > 0) {
    throw new Error(`unknown channel(s): ${unknown.join(', ')} (known: ${CHANNELS.join(', ')})`);
  }
  if (names.length === 0) throw new Error('no channel given');
  return [...new Set(names)] as Channel[];
}
