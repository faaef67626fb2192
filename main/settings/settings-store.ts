import { join } from 'node:path';
import { z } from 'zod';
import { reportListenerError } from '../../common/emitter';
import { redactSecrets } from '../../common/redact';
import {
  DEFAULT_SETTINGS,
  type Settings,
  settingsPatchSchema,
  settingsSchema,
} from '../../common/settings/schema';
import { keepAside, readJsonFile } from './json-file';
import { LatestValueWriter } from './latest-writer';
import { isPlainObject, repairWithDefaults } from './repair';
import {
  type KeptFromFile,
  NOTHING_KEPT,
  readSettingsFile,
  settingsFileContent,
} from './settings-file';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStoreOptions {
  /** The user data folder. */
  directory: string;
  fileName?: string;
  now?: () => number;
}

/** How far ahead notifications may be muted: further is a mistake (or a page misbehaving). */
export const MAX_QUIET_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** What happened when the settings were read at startup, for the log. */
export type SettingsLoadOutcome =
  | { kind: 'defaults' }
  | { kind: 'loaded' }
  /** Some fields were invalid and took their defaults; the original file was copied aside. */
  | { kind: 'repaired'; fields: string[]; keptAside: string | null }
  /** Not readable as settings at all: defaults, the file moved aside. */
  | { kind: 'corrupt'; reason: string; keptAside: string | null };

/** A settings change that does not fit the schema. Nothing was changed. */
export class SettingsValidationError extends Error {
  override readonly name = 'SettingsValidationError';
}

type ChangeListener = (settings: Settings, previous: Settings) => void;

/**
 * The user's settings, read once from settings.json in the user data folder and written
 * back atomically after each change, one write at a time. A bad file never stops the
 * app: invalid fields take their defaults and a file that cannot be read as settings is
 * replaced by defaults, the original always kept aside.
 */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<ChangeListener>();
  private readonly writer: LatestValueWriter;

  private constructor(
    readonly path: string,
    initial: Settings,
    readonly loadOutcome: SettingsLoadOutcome,
    /** False when a bad file could not be kept aside: it is then never overwritten. */
    private readonly persists: boolean,
    private readonly now: () => number,
    /** What the file held for a newer version: written back with every change. */
    private readonly kept: KeptFromFile = NOTHING_KEPT,
  ) {
    this.current = deepFreeze(initial);
    this.writer = new LatestValueWriter(path);
  }

  static async open(options: SettingsStoreOptions): Promise<SettingsStore> {
    const path = join(options.directory, options.fileName ?? SETTINGS_FILE);
    const now = options.now ?? Date.now;
    const at = new Date(now());
    const read = await readJsonFile(path);
    if (read.kind === 'missing') {
      return new SettingsStore(path, defaults(), { kind: 'defaults' }, true, now);
    }
    if (read.kind === 'unreadable' || !isPlainObject(read.value)) {
      const reason = read.kind === 'unreadable' ? read.reason : 'does not hold a JSON object';
      const keptAside = await keepAside(path, at, 'move').catch(() => null);
      const outcome = { kind: 'corrupt', reason, keptAside } as const;
      return new SettingsStore(path, defaults(), outcome, keptAside !== null, now);
    }
    const { input, kept } = readSettingsFile(read.value);
    const { value, replaced } = repairWithDefaults(settingsSchema, input);
    if (replaced.length === 0) {
      return new SettingsStore(path, value, { kind: 'loaded' }, true, now, kept);
    }
    const keptAside = await keepAside(path, at, 'copy').catch(() => null);
    const outcome = { kind: 'repaired', fields: replaced, keptAside } as const;
    const store = new SettingsStore(path, value, outcome, keptAside !== null, now, kept);
    // Written back now so the same repair (and copy) does not happen at every launch.
    if (keptAside !== null) await store.persist().catch(() => undefined);
    return store;
  }

  /** The current settings (frozen). */
  get(): Settings {
    return this.current;
  }

  /**
   * Applies a change of some fields (nested objects are merged: `{ notifications:
   * { quietUntil } }` leaves `enabledKinds` alone). Rejects with SettingsValidationError,
   * changing nothing, when the patch does not fit the schema or mutes notifications more
   * than MAX_QUIET_AHEAD_MS ahead. Listeners hear of the change at once (one that throws
   * is reported and stops neither the others nor the write); the promise resolves when it
   * is on disk. A failed write rejects, but the setting stays in effect for this session.
   */
  async update(patch: unknown): Promise<Settings> {
    const checked = settingsPatchSchema.safeParse(patch);
    if (!checked.success) throw invalid(checked.error);
    const quietUntil = checked.data.notifications?.quietUntil;
    if (typeof quietUntil === 'number' && quietUntil > this.now() + MAX_QUIET_AHEAD_MS) {
      throw new SettingsValidationError(
        'Invalid settings: notifications can be paused for a year at most',
      );
    }
    // The parsed patch cannot be used as is: it has every default filled in.
    const merged = settingsSchema.safeParse(
      mergeDeep(this.current, patch as Record<string, unknown>),
    );
    if (!merged.success) throw invalid(merged.error);

    const next = merged.data;
    if (JSON.stringify(next) === JSON.stringify(this.current)) return this.current;
    const previous = this.current;
    this.current = deepFreeze(next);
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current, previous);
      } catch (error) {
        reportListenerError(error, 'settings change');
      }
    }
    await this.persist();
    return this.current;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves when every change so far has been written (at quit). */
  flush(): Promise<void> {
    return this.writer.idle();
  }

  private persist(): Promise<void> {
    if (!this.persists) return Promise.resolve();
    const content = settingsFileContent(this.current, this.kept);
    return this.writer.write(`${JSON.stringify(content, null, 2)}\n`);
  }
}

function defaults(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

function invalid(error: z.ZodError): SettingsValidationError {
  return new SettingsValidationError(redactSecrets(`Invalid settings: ${z.prettifyError(error)}`));
}

function mergeDeep(base: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    result[key] =
      isPlainObject(value) && isPlainObject(result[key]) ? mergeDeep(result[key], value) : value;
  }
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
