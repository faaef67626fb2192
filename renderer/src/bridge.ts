import type { MmTrayApi } from '../../common/ipc/bridge';

declare global {
  interface Window {
    /** Exposed by the preload (preload/bridge.ts); the page's only way to reach main. */
    mmTray?: MmTrayApi;
  }
}

/** The preload's API, or null when the page runs without it (opened outside the app). */
export function findBridge(): MmTrayApi | null {
  return typeof window !== 'undefined' && window.mmTray ? window.mmTray : null;
}
