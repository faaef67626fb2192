import { contextBridge } from 'electron';

// The bridge grows feature by feature; nothing here exposes ipcRenderer itself.
contextBridge.exposeInMainWorld('mmTray', { version: 1 });
