import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

// The composition root of the desktop app. The tray, keychain, notifications and IPC
// adapters arrive with the desktop shell; today it opens the (still empty) dashboard.
function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}

void app.whenReady().then(createWindow);
