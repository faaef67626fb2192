import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications';
import { CHANNELS } from '../protocol/channels';

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const PRODUCTION_ENDPOINT = 'wss://mmapi.55-tech.com/ws/subscribe';

/**
 * Everything the user can set, as stored in settings.json in the user data folder. The
 * API key is not here: it lives in the OS keychain only.
 */
export const settingsSchema = z.object({
  endpoint: z.url({ protocol: /^wss?$/ }).default(PRODUCTION_ENDPOINT),
  channels: z.array(z.enum(CHANNELS)).min(1).default([...CHANNELS]),
  notifications: z
    .object({
      enabledKinds: z.array(z.enum(NOTIFICATION_KINDS)).default([...NOTIFICATION_KINDS]),
      /** Mute all but emergencies until this time (epoch ms); null: not muted. */
      quietUntil: z.number().nullable().default(null),
    })
    .default({ enabledKinds: [...NOTIFICATION_KINDS], quietUntil: null }),
  hedgeGraceSeconds: z.number().min(1).max(600).default(15),
  startAtLogin: z.boolean().default(false),
  language: z.enum(LANGUAGES).default('system'),
  theme: z.enum(THEMES).default('system'),
  /** Run against the built-in simulator instead of the real service. */
  demoMode: z.boolean().default(false),
});

export type Settings = z.output<typeof settingsSchema>;

/** A change the renderer may ask for: any subset of the fields, each validated. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
