export { writeFileAtomic } from './atomic-write';
export { endpointNeedingConsent } from './endpoint-change';
export { CHANGE_ENDPOINT_BUTTON, endpointChangeDialog } from './endpoint-change-dialog';
export { type JsonFileRead, keepAside, readJsonFile } from './json-file';
export { LatestValueWriter } from './latest-writer';
export { settingsLoadNotice } from './load-notice';
export { type Repaired, repairWithDefaults } from './repair';
export {
  SETTINGS_FILE,
  type SettingsLoadOutcome,
  SettingsStore,
  type SettingsStoreOptions,
  SettingsValidationError,
} from './settings-store';
export { startAtLoginAfterLoad } from './start-at-login-after-load';
export {
  type Area,
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  placeOnDisplays,
  type WindowState,
  windowStateSchema,
} from './window-state';
export {
  WINDOW_STATE_FILE,
  WindowStateStore,
  type WindowStateStoreOptions,
} from './window-state-store';
