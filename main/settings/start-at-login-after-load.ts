import type { Settings } from '../../common/settings/schema';
import type { SettingsLoadOutcome } from './settings-store';

/**
 * The start-at-login value to give the OS at startup, or null to leave the login item as
 * it is. When the file could not be read, or its startAtLogin was invalid, the setting is
 * a default standing in for an unknown choice: applying it would remove the login item
 * (or XDG autostart entry) of a user who had turned it on.
 */
export function startAtLoginAfterLoad(
  outcome: SettingsLoadOutcome,
  settings: Settings,
): boolean | null {
  if (outcome.kind === 'corrupt') return null;
  if (outcome.kind === 'repaired' && outcome.fields.includes('startAtLogin')) return null;
  return settings.startAtLogin;
}
