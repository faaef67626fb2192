/**
 * The names of every IPC channel, and nothing else: the preload imports this file, so it
 * must stay free of zod and Node. What each channel carries is in contract.ts.
 */

/** Renderer → main, answered (ipcRenderer.invoke / ipcMain.handle). */
export const REQUEST_CHANNELS = [
  'app:snapshot',
  'settings:get',
  'settings:update',
  'key:status',
  'key:set',
  'key:clear',
  'key:test',
  'feed:reconnect',
  'notifications:pause',
  'demo:set',
  'shell:open-external',
  'logs:open-folder',
  'trading:status',
  'trading:act',
  'trading:confirmation-facts',
] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Main → renderer, unanswered (webContents.send / ipcRenderer.on). */
export const PUSH_CHANNELS = [
  'push:batch',
  'push:navigate',
  'push:settings',
  'push:key-status',
  'push:trading',
] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export type IpcChannel = RequestChannel | PushChannel;
