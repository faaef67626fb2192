import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
} from '../../../common/settings/schema';

describe('settings schema', () => {
  it('fills every default for an empty file', () => {
    expect(settingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.endpoint).toBe('wss://mmapi.55-tech.com/ws/subscribe');
    expect(DEFAULT_SETTINGS.hedgeGraceSeconds).toBe(15);
  });

  it('leaves a patch as it was said: no defaults filled in', () => {
    expect(settingsPatchSchema.parse({})).toEqual({});
    expect(settingsPatchSchema.parse({ notifications: { quietUntil: 5 } })).toEqual({
      notifications: { quietUntil: 5 },
    });
  });

  it('refuses unknown fields and bad values in a patch', () => {
    expect(settingsPatchSchema.safeParse({ apiKey: 'x' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ endpoint: 'https://example.com' }).success).toBe(false);
    expect(
      settingsPatchSchema.safeParse({ endpoint: 'ws://127.0.0.1:8080/ws/subscribe' }).success,
    ).toBe(true);
    expect(settingsPatchSchema.safeParse({ channels: [] }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hedgeGraceSeconds: 0 }).success).toBe(false);
  });
});
