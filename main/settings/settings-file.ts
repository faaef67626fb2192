import { NOTIFICATION_KINDS } from '../../common/domain/notifications';
import { CHANNELS } from '../../common/protocol/channels';
import { type Settings, settingsSchema } from '../../common/settings/schema';
import { isPlainObject } from './repair';
import { type UnknownFields, unknownFields, withUnknownFields } from './unknown-fields';

/**
 * What settings.json holds that this version cannot use, written back unchanged so that
 * a newer version finds it again: its fields, and the channels and notification kinds
 * it added.
 */
export interface KeptFromFile {
  fields: UnknownFields;
  channels: string[];
  enabledKinds: string[];
  knownKinds: string[];
}

export const NOTHING_KEPT: KeptFromFile = {
  fields: {},
  channels: [],
  enabledKinds: [],
  knownKinds: [],
};

/** The notification kinds of the first version. */
const ORIGINAL_KINDS = [
  'fill',
  'hedge',
  'hedge-declined',
  'hedge-missing',
  'emergency',
  'emergency-cleared',
  'connection-lost',
  'connection-restored',
  'auth-failed',
];

/** The kinds each version that wrote no knownKinds had, oldest first. */
const KINDS_OF_VERSIONS_WITHOUT_KNOWN_KINDS = [
  ORIGINAL_KINDS,
  [...ORIGINAL_KINDS, 'trading-status'],
];

/**
 * settings.json's content as the settings schema's input, and what to keep of the rest.
 * The file says which notification kinds its writer knew (knownKinds): a kind added
 * since is turned on, as it is for a new user, since nobody ever turned it off.
 */
export function readSettingsFile(content: Record<string, unknown>): {
  input: Record<string, unknown>;
  kept: KeptFromFile;
} {
  const input: Record<string, unknown> = { ...content };
  // A #fragment, which a WebSocket URL cannot have, saved by an earlier version: dropped,
  // rather than the endpoint reset to production (where the saved key would then go).
  if (typeof content.endpoint === 'string' && content.endpoint.includes('#')) {
    input.endpoint = content.endpoint.slice(0, content.endpoint.indexOf('#'));
  }
  const channels = withoutUnknownMembers(content.channels, CHANNELS);
  input.channels = channels.list;
  let kinds = { enabled: [] as string[], known: [] as string[] };
  if (isPlainObject(content.notifications)) {
    const notifications = readNotifications(content.notifications);
    input.notifications = notifications.input;
    kinds = notifications.unknownKinds;
  }
  const kept = {
    fields: unknownFields(settingsSchema, input),
    channels: channels.unknown,
    enabledKinds: kinds.enabled,
    knownKinds: kinds.known,
  };
  return { input, kept };
}

function readNotifications(content: Record<string, unknown>): {
  input: Record<string, unknown>;
  unknownKinds: { enabled: string[]; known: string[] };
} {
  const { knownKinds, ...input } = content;
  const kindsTheWriterKnew = isStringList(knownKinds)
    ? knownKinds
    : kindsOfTheVersionThatWrote(content.enabledKinds);
  const enabled = withoutUnknownMembers(content.enabledKinds, NOTIFICATION_KINDS);
  if (Array.isArray(enabled.list)) {
    const listed = enabled.list;
    const added = NOTIFICATION_KINDS.filter(
      (kind) => !kindsTheWriterKnew.includes(kind) && !listed.includes(kind),
    );
    input.enabledKinds = [...listed, ...added];
  }
  const known = unknownMembers(kindsTheWriterKnew, NOTIFICATION_KINDS);
  return { input, unknownKinds: { enabled: enabled.unknown, known } };
}

/** settings.json's content for these settings, with what was kept from the file read. */
export function settingsFileContent(
  settings: Settings,
  kept: KeptFromFile,
): Record<string, unknown> {
  const content = {
    ...settings,
    channels: [...settings.channels, ...kept.channels],
    notifications: {
      ...settings.notifications,
      enabledKinds: [...settings.notifications.enabledKinds, ...kept.enabledKinds],
      // A kind someone turned on was known to them, even with knownKinds missing.
      knownKinds: [...new Set([...NOTIFICATION_KINDS, ...kept.knownKinds, ...kept.enabledKinds])],
    },
  };
  return withUnknownFields(content, kept.fields);
}

// A file without knownKinds lists the kinds its writer had minus those turned off. The
// oldest version that had every kind listed is taken for the writer: a kind it lacked is
// turned on, also for a user of a later version who had turned it off (the list cannot
// tell the two apart; a notification too many is the safer mistake).
function kindsOfTheVersionThatWrote(enabledKinds: unknown): readonly string[] {
  const listed = Array.isArray(enabledKinds) ? enabledKinds : [];
  const versions = KINDS_OF_VERSIONS_WITHOUT_KNOWN_KINDS;
  return versions.find((kinds) => listed.every((kind) => kinds.includes(kind))) ?? versions.at(-1)!;
}

/**
 * A list without the names it does not know, and those names. Anything else (a value
 * that is not a list, a member that is not a string) is left for validation to refuse.
 */
function withoutUnknownMembers(
  value: unknown,
  known: readonly string[],
): { list: unknown; unknown: string[] } {
  if (!Array.isArray(value)) return { list: value, unknown: [] };
  const unknown = unknownMembers(value, known);
  return { list: value.filter((member) => !unknown.includes(member)), unknown };
}

function unknownMembers(list: readonly unknown[], known: readonly string[]): string[] {
  const names = list.filter((member): member is string => typeof member === 'string');
  return [...new Set(names.filter((name) => !known.includes(name)))];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((member) => typeof member === 'string');
}
