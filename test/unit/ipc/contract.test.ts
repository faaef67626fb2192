import { describe, expect, expectTypeOf, it } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import type { AppSnapshot } from '../../../common/ipc/app-snapshot';
import { PUSH_CHANNELS, REQUEST_CHANNELS, type RequestChannel } from '../../../common/ipc/channels';
import {
  ipcContract,
  type PushPayloadOf,
  type RequestInputOf,
  type RequestOf,
  type ResponseOf,
} from '../../../common/ipc/contract';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { settingsSchema } from '../../../common/settings/schema';

const KEY = '123e4567-e89b-12d3-a456-426614174000';

function check(channel: RequestChannel, request?: unknown) {
  const result = ipcContract[channel].request.safeParse(request);
  return result.success
    ? { ok: true as const, data: result.data as unknown }
    : {
        ok: false as const,
        messages: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      };
}

describe('IPC contract', () => {
  it('names every channel exactly once, each with its kind', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...REQUEST_CHANNELS, ...PUSH_CHANNELS].sort());
    for (const channel of REQUEST_CHANNELS) {
      expect(ipcContract[channel].kind).toBe('request');
      expect(typeof ipcContract[channel].request.safeParse).toBe('function');
    }
    for (const channel of PUSH_CHANNELS) expect(ipcContract[channel].kind).toBe('push');
  });

  it('carries the response and payload types to the compiler', () => {
    expectTypeOf<ResponseOf<'app:snapshot'>>().toEqualTypeOf<AppSnapshot>();
    expectTypeOf<ResponseOf<'key:set'>>().toEqualTypeOf<KeyStatus>();
    expectTypeOf<ResponseOf<'feed:reconnect'>>().toEqualTypeOf<void>();
    expectTypeOf<PushPayloadOf<'push:batch'>>().toEqualTypeOf<PushBatch>();
    expectTypeOf<RequestOf<'key:set'>>().toEqualTypeOf<{ key: string; sessionOnly?: boolean }>();
    expectTypeOf<RequestInputOf<'demo:set'>>().toEqualTypeOf<{ enabled: boolean }>();
  });

  it('takes no argument on channels without a request', () => {
    for (const channel of ['app:snapshot', 'settings:get', 'key:status', 'key:clear'] as const) {
      expect(check(channel)).toEqual({ ok: true, data: undefined });
      expect(check(channel, { sneaky: true })).toMatchObject({ ok: false });
    }
  });

  describe('key:set', () => {
    it('accepts a UUID, trimmed, and says nothing of a rejected key', () => {
      expect(check('key:set', { key: ` ${KEY}\n` })).toEqual({ ok: true, data: { key: KEY } });
      expect(check('key:set', { key: KEY, sessionOnly: true })).toMatchObject({ ok: true });
      const rejected = check('key:set', { key: 'my-secret-not-a-uuid' });
      expect(rejected).toEqual({
        ok: false,
        messages: ['key: not an API key: expected a UUID (8-4-4-4-12 hex digits)'],
      });
      expect(JSON.stringify(rejected)).not.toContain('my-secret');
    });

    it('refuses extra fields and wrong types', () => {
      expect(check('key:set', { key: KEY, extra: 1 })).toMatchObject({ ok: false });
      expect(check('key:set', { key: 42 })).toMatchObject({ ok: false });
      expect(check('key:set', { key: KEY, sessionOnly: 'yes' })).toMatchObject({ ok: false });
      expect(check('key:set', KEY)).toMatchObject({ ok: false });
    });
  });

  it('key:test takes an optional key and an optional ws(s) endpoint', () => {
    expect(check('key:test', {})).toEqual({ ok: true, data: {} });
    expect(
      check('key:test', { key: KEY, endpoint: 'ws://127.0.0.1:8080/ws/subscribe' }),
    ).toMatchObject({ ok: true });
    expect(check('key:test', { endpoint: 'https://example.com' })).toMatchObject({ ok: false });
    expect(check('key:test', { key: 'nope' })).toMatchObject({ ok: false });
  });

  describe('settings:update', () => {
    it('keeps exactly the fields given (no defaults filled in)', () => {
      expect(check('settings:update', { theme: 'dark' })).toEqual({
        ok: true,
        data: { theme: 'dark' },
      });
      expect(check('settings:update', { notifications: { quietUntil: 5 } })).toEqual({
        ok: true,
        data: { notifications: { quietUntil: 5 } },
      });
      expect(check('settings:update', {})).toEqual({ ok: true, data: {} });
    });

    it('validates each field like the stored settings', () => {
      expect(check('settings:update', { theme: 'pink' })).toMatchObject({ ok: false });
      expect(check('settings:update', { endpoint: 'http://x.test' })).toMatchObject({ ok: false });
      expect(check('settings:update', { channels: [] })).toMatchObject({ ok: false });
      expect(check('settings:update', { hedgeGraceSeconds: 0 })).toMatchObject({ ok: false });
      expect(check('settings:update', { apiKey: KEY })).toMatchObject({ ok: false });
      expect(check('settings:update', { notifications: { muted: true } })).toMatchObject({
        ok: false,
      });
    });

    it('accepts every field of a full settings object', () => {
      const full = settingsSchema.parse({});
      expect(check('settings:update', full)).toEqual({ ok: true, data: full });
    });
  });

  it('notifications:pause takes a whole non-negative time or null', () => {
    expect(check('notifications:pause', { until: 1_760_000_000_000 })).toMatchObject({ ok: true });
    expect(check('notifications:pause', { until: null })).toMatchObject({ ok: true });
    for (const until of [-1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, '5', undefined]) {
      expect(check('notifications:pause', { until })).toMatchObject({ ok: false });
    }
  });

  it('demo:set takes a boolean', () => {
    expect(check('demo:set', { enabled: true })).toMatchObject({ ok: true });
    expect(check('demo:set', { enabled: 'true' })).toMatchObject({ ok: false });
  });

  describe('shell:open-external', () => {
    it('accepts https links only, normalised', () => {
      expect(check('shell:open-external', { url: 'HTTPS://Docs.Example.com/a b' })).toEqual({
        ok: true,
        data: { url: 'https://docs.example.com/a%20b' },
      });
      for (const url of [
        'http://example.com',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'data:text/html,hi',
        'mailto:a@b.c',
        'not a url',
      ]) {
        expect(check('shell:open-external', { url })).toEqual({
          ok: false,
          messages: ['url: only https links are opened'],
        });
      }
    });

    it('refuses links with credentials, which disguise where they lead', () => {
      expect(check('shell:open-external', { url: 'https://bank.example@evil.example/' })).toEqual({
        ok: false,
        messages: ['url: links with a user name or password are not opened'],
      });
    });
  });
});
