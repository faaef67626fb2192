/** What the renderer may know of the API key: whether one is set, never the key itself. */
export interface KeyStatus {
  set: boolean;
  /** e.g. "••••-a427"; absent when no key is set. */
  masked?: string;
  /** keychain: in the OS keychain; session: memory only, gone when the app quits. */
  storage: 'keychain' | 'session' | 'none';
  /** Set when the OS keychain cannot be used, saying what to install. */
  keychainProblem?: string;
  /**
   * With keychainProblem: there is no keychain at all (Linux without a Secret Service), so
   * nothing is locked and no key can be waiting in it.
   */
  keychainMissing?: true;
  /**
   * With keychainProblem: the keychain is locked. Reading it asks the user to unlock it, so
   * it is read again when the user acts (Reconnect now, a screen unlock), not on a timer.
   */
  keychainLocked?: true;
}
