import { createHash } from 'node:crypto';

/** What a change of the vault asks of the feed. */
export type KeyChangeResponse = 'restart' | 'reconnect';

/**
 * Decides, for each change of the vault, whether the feed needs a new engine: only when
 * the key itself changed. The same key saved again (how a user retries a refused key), or
 * a change of its storage or of the keychain problem, asks for a reconnect: a new engine
 * would start from an empty store and forget unhedged fills, fills in their grace period
 * and today's counts. Keeps a digest of the last key, never the key.
 */
export function keyChangeTracker(
  initialKey: string | null,
): (key: string | null) => KeyChangeResponse {
  let last = digest(initialKey);
  return (key) => {
    const next = digest(key);
    const same = next === last;
    last = next;
    return same ? 'reconnect' : 'restart';
  };
}

function digest(key: string | null): string | null {
  return key === null ? null : createHash('sha256').update(key).digest('hex');
}
