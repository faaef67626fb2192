import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../../common/ipc/contract';
import { isLoopbackHost } from '../../../common/net/loopback';
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

describe('times the app cannot format', () => {
  const pause = ipcContract['notifications:pause'].request;

  it.each([9e15, -9e15, 8.64e15 + 1, Number.POSITIVE_INFINITY, Number.NaN])(
    'refuses %s as a quiet-until time, in a patch, the file and a pause request',
    (quietUntil) => {
      expect(settingsPatchSchema.safeParse({ notifications: { quietUntil } }).success).toBe(false);
      expect(settingsSchema.safeParse({ notifications: { quietUntil } }).success).toBe(false);
      expect(pause.safeParse({ until: quietUntil }).success).toBe(false);
    },
  );

  it('accepts the last time a Date can hold, and null', () => {
    expect(settingsPatchSchema.safeParse({ notifications: { quietUntil: 8.64e15 } }).success).toBe(
      true,
    );
    expect(pause.safeParse({ until: 8.64e15 }).success).toBe(true);
    expect(pause.safeParse({ until: null }).success).toBe(true);
  });
});

describe('endpoint', () => {
  const accepts = (endpoint: string) => settingsPatchSchema.safeParse({ endpoint }).success;

  it('takes wss:// to any host', () => {
    expect(accepts('wss://mmapi.example.com/ws/subscribe')).toBe(true);
  });

  it.each([
    'ws://127.0.0.1:8080/ws/subscribe',
    'ws://127.9.8.7/ws',
    'ws://localhost:9000/ws',
    'ws://LOCALHOST/ws',
    'ws://[::1]:9000/ws',
  ])('takes plain ws:// to this machine: %s', (endpoint) => {
    expect(accepts(endpoint)).toBe(true);
  });

  it.each([
    'ws://mmapi.55-tech.com/ws/subscribe',
    'WS://evil.example.com/ws',
    'ws://127.0.0.1.evil.example.com/ws',
    'ws://localhost.evil.example.com/ws',
    'ws://10.0.0.5/ws',
    'ws://[::2]/ws',
  ])('refuses plain ws:// to another machine: %s', (endpoint) => {
    expect(accepts(endpoint)).toBe(false);
    expect(settingsSchema.safeParse({ endpoint }).success).toBe(false);
  });

  it('refuses an endpoint with a #fragment (a WebSocket URL cannot have one)', () => {
    for (const endpoint of ['wss://mmapi.55-tech.com/ws/subscribe#x', 'ws://127.0.0.1:8080/ws#']) {
      expect(accepts(endpoint)).toBe(false);
      expect(settingsSchema.safeParse({ endpoint }).success).toBe(false);
    }
  });

  it('knows the loopback host names', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('example.com')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
