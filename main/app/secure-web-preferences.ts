import type { WebPreferences } from 'electron';

/**
 * The renderer gets no Node, runs sandboxed and isolated, and reaches main only via the
 * preload. An installed app (`packaged`) has no DevTools: they would let anyone at the
 * machine run script in the page, which holds the bridge (set the key, trade).
 */
export function secureWebPreferences(
  preload: string,
  { packaged }: { packaged: boolean },
): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    devTools: !packaged,
  };
}
