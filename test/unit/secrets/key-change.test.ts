import { describe, expect, it } from 'vitest';
import { keyChangeTracker } from '../../../main/secrets/key-change';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const OTHER_KEY = '0b7c4d2e-1f3a-4c5b-9d6e-7f8091a2b3c4';

describe('keyChangeTracker', () => {
  it('only reconnects when the same key is saved again, keeping what the feed holds', () => {
    const decide = keyChangeTracker(KEY);
    expect(decide(KEY)).toBe('reconnect');
    expect(decide(KEY)).toBe('reconnect');
  });

  it('restarts the feed for a new key, a cleared key and a key after none', () => {
    const decide = keyChangeTracker(KEY);
    expect(decide(OTHER_KEY)).toBe('restart');
    expect(decide(null)).toBe('restart');
    expect(decide(null)).toBe('reconnect');
    expect(decide(KEY)).toBe('restart');
    expect(decide(KEY)).toBe('reconnect');
  });

  it('starts from the key the feed was started with', () => {
    expect(keyChangeTracker(null)(KEY)).toBe('restart');
    expect(keyChangeTracker(null)(null)).toBe('reconnect');
  });
});
