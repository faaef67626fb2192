import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings/schema';
import { startAtLoginAfterLoad } from '../../../main/settings/start-at-login-after-load';

const on = { ...DEFAULT_SETTINGS, startAtLogin: true };
const off = DEFAULT_SETTINGS;

describe('startAtLoginAfterLoad', () => {
  it('applies the setting read from a good file, on or off', () => {
    expect(startAtLoginAfterLoad({ kind: 'loaded' }, on)).toBe(true);
    expect(startAtLoginAfterLoad({ kind: 'loaded' }, off)).toBe(false);
    expect(startAtLoginAfterLoad({ kind: 'defaults' }, off)).toBe(false);
  });

  it('leaves the login item alone when the file was corrupt (its default is no choice)', () => {
    const outcome = { kind: 'corrupt', reason: 'is not valid JSON', keptAside: '/x.json' } as const;
    expect(startAtLoginAfterLoad(outcome, off)).toBeNull();
  });

  it('leaves it alone when startAtLogin itself was repaired, applies it when others were', () => {
    const repaired = (fields: string[]) => ({ kind: 'repaired', fields, keptAside: null }) as const;
    expect(startAtLoginAfterLoad(repaired(['theme', 'startAtLogin']), off)).toBeNull();
    expect(startAtLoginAfterLoad(repaired(['theme']), on)).toBe(true);
  });
});
