import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications';
import { isLoopbackHost } from '../net/loopback';
import { CHANNELS } from '../protocol/channels';

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const PRODUCTION_ENDPOINT = 'wss://mmapi.55-tech.com/ws/subscribe';

/** The furthest a JS Date reaches either side of 1970 (ms): beyond it, formatting a time throws. */
export const MAX_DATE_MS = 8.64e15;

/** A time (epoch ms) that a Date can hold. */
export const epochMsSchema = z.number().min(-MAX_DATE_MS).max(MAX_DATE_MS);

/** wss:// anywhere; ws:// only to this machine: anywhere else the key would travel in clear. */
const endpointSchema = z
  .url({ protocol: /^wss?$/ })
  .refine((url) => !url.includes('#'), {
    message: 'a WebSocket URL cannot have a #fragment',
  })
  .refine(isSafeEndpoint, {
    message: 'plain ws:// is allowed only to this machine (localhost, 127.x.x.x, ::1); use wss://',
  });

function isSafeEndpoint(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol !== 'ws:' || isLoopbackHost(parsed.hostname);
  } catch {
    return false;
  }
}

const notificationsFields = z.object({
  enabledKinds: z.array(z.enum(NOTIFICATION_KINDS)),
  /** Mute all but emergencies until this time (epoch ms); null: not muted. */
  quietUntil: epochMsSchema.nullable(),
});

/** Each setting's type, without defaults (a patch must not fill in what it did not say). */
const fields = {
  endpoint: endpointSchema,
  channels: z.array(z.enum(CHANNELS)).min(1),
  notifications: notificationsFields,
  hedgeGraceSeconds: z.number().min(1).max(600),
  startAtLogin: z.boolean(),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  /** Run against the built-in simulator instead of the real service. */
  demoMode: z.boolean(),
};

/**
 * Everything the user can set, as stored in settings.json in the user data folder. The
 * API key is not here: it lives in the OS keychain only.
 */
export const settingsSchema = z.object({
  endpoint: fields.endpoint.default(PRODUCTION_ENDPOINT),
  channels: fields.channels.default([...CHANNELS]),
  notifications: z
    .object({
      enabledKinds: notificationsFields.shape.enabledKinds.default([...NOTIFICATION_KINDS]),
      quietUntil: notificationsFields.shape.quietUntil.default(null),
    })
    .default({ enabledKinds: [...NOTIFICATION_KINDS], quietUntil: null }),
  hedgeGraceSeconds: fields.hedgeGraceSeconds.default(15),
  startAtLogin: fields.startAtLogin.default(false),
  language: fields.language.default('system'),
  theme: fields.theme.default('system'),
  demoMode: fields.demoMode.default(false),
});

export type Settings = z.output<typeof settingsSchema>;

/** A change the renderer may ask for: any subset of the fields, each validated, no defaults. */
export const settingsPatchSchema = z
  .object({ ...fields, notifications: notificationsFields.partial().strict() })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
