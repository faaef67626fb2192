/**
 * Runs in the page before its scripts, as Electron runs a preload: gives the preload
 * bundle a `require('electron')` with contextBridge and ipcRenderer, which talk to the
 * stand-in's ipcMain through a Playwright binding.
 */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__fakeElectronInvoke(channel, args),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, '__fakeElectronDispatch', {
    value: (channel, args) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, ...args);
    },
  });
  const contextBridge = {
    exposeInMainWorld(name, api) {
      Object.defineProperty(window, name, { value: api, enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}
