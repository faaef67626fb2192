import type { MessageKey } from './en';
import type { Translator } from './translator';

/**
 * Texts main writes in English (connection reasons, key-test replies, the keychain
 * problem) put in the dashboard's language. Main sends sentences, not codes, so the few
 * templates it emits are recognised here (main/feed/connection.ts,
 * main/app/feed-controller.ts, main/app/key-tester.ts, main/secrets/keychain-problem.ts);
 * anything else, such as the server's own words, is shown as it came.
 */

type T = Translator['t'];
type TP = Translator['tp'];

const FIXED_REASONS: Record<string, MessageKey> = {
  starting: 'mainText.reason.starting',
  restarting: 'mainText.reason.restarting',
  stopped: 'mainText.reason.stopped',
  'stopped by the user': 'mainText.reason.stoppedByUser',
  'no API key: add one in Settings, or try the demo': 'mainText.reason.noKey',
  'connecting…': 'mainText.reason.connecting',
  'no answer to a connection check': 'mainText.reason.checkFailed',
};

/** Why the connection is not live, as main's connection state says it. */
export function connectionReasonText(t: T, reason: string): string {
  const fixed = FIXED_REASONS[reason];
  if (fixed) return t(fixed);
  let match = /^no answer to ping within (\S+) s$/.exec(reason);
  if (match) return t('mainText.reason.pingTimeout', { seconds: match[1]! });
  match = /^no "subscribed" reply within (\S+) s$/.exec(reason);
  if (match) return t('mainText.reason.subscribeTimeout', { seconds: match[1]! });
  match = /^closed by the server \((\d+): ([\s\S]*)\)$/.exec(reason);
  if (match) return t('mainText.reason.closedByServer', { code: match[1]!, reason: match[2]! });
  match = /^connection closed \((\d+)\)$/.exec(reason);
  if (match) return t('mainText.reason.closed', { code: match[1]! });
  return reason;
}

/** What "Test connection" found (KeyTestResult.message). */
export function keyTestText(t: T, message: string): string {
  if (message === 'the server accepted the key') return t('mainText.keyTest.accepted');
  if (message === 'no answer from the server in time') return t('mainText.keyTest.noAnswer');
  if (message === 'no API key to test: enter one first') return t('mainText.keyTest.noKey');
  if (
    message ===
    'to test another endpoint, enter the key: the saved one goes only to the saved endpoint'
  ) {
    return t('mainText.keyTest.savedKeyStays');
  }
  let match = /^the server refused the key: ([\s\S]*)$/.exec(message);
  if (match) {
    const reason = match[1] === 'no reason given' ? t('mainText.noReason') : match[1]!;
    return t('mainText.keyTest.refused', { reason });
  }
  match = /^could not connect: ([\s\S]*)$/.exec(message);
  if (match)
    return t('mainText.keyTest.couldNotConnect', { reason: connectionReasonText(t, match[1]!) });
  return message;
}

/**
 * Why a request to main failed (the error of a rejected bridge call), without the
 * "<channel> failed: " main's IPC router puts first.
 */
export function requestFailureText(t: T, message: string): string {
  const reason = message.replace(/^[a-z]+:[a-z-]+ failed: /, '');
  const match = /^endpoint not changed: sending the saved API key to (.+) was not confirmed$/.exec(
    reason,
  );
  if (match) return t('mainText.request.endpointNotConfirmed', { host: match[1]! });
  return reason;
}

const UNRESOLVED_ORDERS =
  /^(\d+) orders? shown as open \((.*?)(?: and (\d+) more)?\) no longer open on the server and not found in its order list: final state unknown, check them on the exchange$/;

/** An error main listed (ErrorRecord.message): the ones main words itself, translated. */
export function errorText(t: T, tp: TP, message: string): string {
  const match = UNRESOLVED_ORDERS.exec(message);
  if (!match) return message;
  const more = match[3];
  const ids =
    more === undefined ? match[2]! : t('mainText.error.andMore', { ids: match[2]!, count: more });
  return tp('mainText.error.unresolvedOrders', Number(match[1]), { ids });
}

const READ_AGAIN =
  'No restart is needed: MM Tray reads the keychain again on its own, and at once on Reconnect now or a screen unlock.';
const SESSION_ONLY_CHOICE =
  'You can still use the key for this session only: it is kept in memory and forgotten when MM Tray quits.';
const ADVICE = ` ${READ_AGAIN} ${SESSION_ONLY_CHOICE}`;
const READ_WHEN_UNLOCKED =
  'Unlock it, then press Reconnect now: MM Tray also reads it again after a screen unlock.';
const LOCKED_ADVICE = ` ${READ_WHEN_UNLOCKED} ${SESSION_ONLY_CHOICE}`;
const NO_BACKEND_START = 'No keychain is available: ';
const UNLOCK_HINT = ' Make sure it is unlocked (GNOME Keyring or KWallet).';
const KEYCHAIN_NAMES: Record<string, MessageKey> = {
  'The macOS Keychain': 'mainText.keychain.name.macos',
  'Windows Credential Manager': 'mainText.keychain.name.windows',
  'The Secret Service keychain': 'mainText.keychain.name.secretService',
};

/** Why the OS keychain cannot be used and what to do (KeyStatus.keychainProblem). */
export function keychainProblemText(t: T, problem: string): string {
  if (problem.endsWith(LOCKED_ADVICE)) return lockedKeychainText(t, problem);
  if (!problem.endsWith(ADVICE)) return problem;
  const advice = `${t('mainText.keychain.readAgain')} ${t('mainText.keychain.sessionOnly')}`;
  let head = problem.slice(0, -ADVICE.length);
  if (head.startsWith(NO_BACKEND_START)) return `${t('mainText.keychain.noBackend')} ${advice}`;
  const unlock = head.endsWith(UNLOCK_HINT);
  if (unlock) head = head.slice(0, -UNLOCK_HINT.length);
  const match = /^(.+?) could not be used \(([\s\S]*)\)\.$/.exec(head);
  const nameKey = match ? KEYCHAIN_NAMES[match[1]!] : undefined;
  if (!match || !nameKey) return problem;
  const failed = t('mainText.keychain.failed', { keychain: t(nameKey), reason: match[2]! });
  return `${failed}${unlock ? ` ${t('mainText.keychain.unlockHint')}` : ''} ${advice}`;
}

/** A keychain found locked: read again when the user unlocks it (KeyStatus.keychainLocked). */
function lockedKeychainText(t: T, problem: string): string {
  const head = problem.slice(0, -LOCKED_ADVICE.length);
  const match = /^(.+?) is locked \(([\s\S]*)\)\.$/.exec(head);
  const nameKey = match ? KEYCHAIN_NAMES[match[1]!] : undefined;
  if (!match || !nameKey) return problem;
  const locked = t('mainText.keychain.locked', { keychain: t(nameKey), reason: match[2]! });
  return `${locked} ${t('mainText.keychain.readWhenUnlocked')} ${t('mainText.keychain.sessionOnly')}`;
}
