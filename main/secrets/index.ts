export {
  ApiKeyVault,
  type ApiKeyVaultOptions,
  InvalidApiKeyError,
  KeychainUnavailableError,
  type SetKeyOptions,
} from './api-key-vault';
export { type KeyChangeResponse, keyChangeTracker } from './key-change';
export { describeKeychainProblem, isMissingKeychainBackend } from './keychain-problem';
export {
  KEYCHAIN_RETRY_DELAYS_MS,
  KeychainRetry,
  type KeychainRetryOptions,
  keychainReadPending,
  type RetriableVault,
} from './keychain-retry';
export {
  DEFAULT_ACCOUNT,
  KEYCHAIN_SERVICE,
  type Keytar,
  type KeytarLoader,
  KeytarSecretStore,
  loadKeytar,
} from './keytar-secret-store';
export { MemorySecretStore } from './memory-secret-store';
export type { SecretStore } from './secret-store';
