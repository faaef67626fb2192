import { redactSecrets } from '../../common/redact';

/**
 * What libsecret/D-Bus say when no Secret Service can be reached: no session bus at all
 * (headless, no $DISPLAY to autolaunch one), a bus that is gone, or a bus on which
 * nothing provides org.freedesktop.secrets.
 */
const NO_BACKEND_PATTERNS = [
  /cannot autolaunch d-bus/i,
  /org\.freedesktop\.secrets was not provided/i,
  /was not provided by any \.service files/i,
  /org\.freedesktop\.DBus\.Error\.ServiceUnknown/i,
  /could not connect/i,
  /cannot spawn a message bus/i,
];

/** The app reads the keychain again by itself (KeychainRetry): no restart is needed. */
const READ_AGAIN =
  'No restart is needed: MM Tray reads the keychain again on its own, and at once on Reconnect now or a screen unlock.';

/** A locked keychain is read again when the user acts, not on a timer (KeychainRetry). */
const READ_WHEN_UNLOCKED =
  'Unlock it, then press Reconnect now: MM Tray also reads it again after a screen unlock.';

const SESSION_ONLY_CHOICE =
  'You can still use the key for this session only: it is kept in memory and forgotten when MM Tray quits.';

/** True when the error says there is no keychain to talk to, rather than a keychain that failed. */
export function isMissingKeychainBackend(error: unknown): boolean {
  const message = errorMessage(error);
  return NO_BACKEND_PATTERNS.some((pattern) => pattern.test(message));
}

/**
 * A message for people saying why the key cannot be kept in the OS keychain and what to
 * do about it. Never contains a secret: the underlying error text is redacted.
 */
export function describeKeychainProblem(
  error: unknown,
  platform: NodeJS.Platform,
  options: { locked?: boolean } = {},
): string {
  if (platform === 'linux' && isMissingKeychainBackend(error)) {
    return (
      'No keychain is available: MM Tray keeps the API key in a Secret Service keychain, and none is running. ' +
      'Install and unlock one, such as GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring libsecret-1-0`). ' +
      `${READ_AGAIN} ${SESSION_ONLY_CHOICE}`
    );
  }
  const reason = redactSecrets(errorMessage(error))
    .slice(0, 300)
    .replace(/[\s.]+$/, '');
  if (options.locked) {
    return `${keychainName(platform)} is locked (${reason}). ${READ_WHEN_UNLOCKED} ${SESSION_ONLY_CHOICE}`;
  }
  return `${keychainName(platform)} could not be used (${reason}). ${unlockHint(platform)}${READ_AGAIN} ${SESSION_ONLY_CHOICE}`;
}

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'The macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'The Secret Service keychain';
}

function unlockHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin' || platform === 'win32') return '';
  return 'Make sure it is unlocked (GNOME Keyring or KWallet). ';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
