import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  net,
  powerMonitor,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { APP_ID, PRODUCT_NAME } from '../common/app-id';
import type { NotificationIntent, NotificationTarget } from '../common/domain/notifications';
import { setListenerErrorReporter } from '../common/emitter';
import { resolveLanguage } from '../common/i18n/language';
import { applicationMenuTemplate } from './app/app-menu';
import { DashboardWindow } from './app/dashboard-window';
import { isSafeExternalUrl } from './app/external-url';
import { FeedController } from './app/feed-controller';
import { createIpcHandlers } from './app/ipc-handlers';
import { launchEnvironment } from './app/launch-environment';
import { createLoginItem, readLoginItem } from './app/login-item';
import { watchNetwork } from './app/network-watch';
import { QuitSequence } from './app/quit-sequence';
import { ReopenRequests } from './app/reopen-requests';
import { secureWebPreferences } from './app/secure-web-preferences';
import { denyAllPermissions, hardenWebContents } from './app/security';
import { exposeTestHooks } from './app/test-hooks';
import { outcomeIntent, runTradingCommand } from './app/trading-commands';
import { appIconPath, dashboardWindowIcon } from './app/window-icon';
import { registerIpcRouter } from './ipc/ipc-router';
import { PushBatcher } from './ipc/push-batcher';
import { createTrustedSenderCheck } from './ipc/trusted-sender';
import { FileLogger, logFeed } from './logging';
import { NotificationPresenter } from './notifications/notification-presenter';
import { registerWindowsActivation } from './notifications/windows-activation';
import {
  ApiKeyVault,
  KEYCHAIN_SERVICE,
  KeychainRetry,
  KeytarSecretStore,
  keyChangeTracker,
  keychainReadPending,
} from './secrets';
import {
  CHANGE_ENDPOINT_BUTTON,
  endpointChangeDialog,
  placeOnDisplays,
  SettingsStore,
  settingsLoadNotice,
  startAtLoginAfterLoad,
  WindowStateStore,
} from './settings';
import { startSimulator } from './simulator';
import { CONFIRM_BUTTON, confirmationDialog } from './tray/confirmation-dialog';
import { TrayController } from './tray/tray-controller';
import { followFeed } from './tray/tray-feed';
import { trayIconFile } from './tray/tray-icons';

// The composition root: it creates the adapters and wires them to the feed controller.
// Everything with logic lives in the modules it imports.

const launch = launchEnvironment(app.isPackaged, process.env);
const TEST_MODE = launch.testMode;
const rendererDir = join(__dirname, '../renderer');
/** The app's own pages: the only ones that may navigate or talk to main. */
const isAppUrl = createTrustedSenderCheck({ rendererDir, devServerUrl: launch.devServerUrl });
const iconsDir = app.isPackaged
  ? join(process.resourcesPath, 'icons')
  : join(app.getAppPath(), 'build/icons/generated');

async function main(): Promise<void> {
  await app.whenReady();
  // First, before any path can create a window (a Windows toast activation is replayed at
  // registration): every web contents gets the guards as it is created.
  const openExternal = async (url: string) => {
    if (isSafeExternalUrl(url)) await shell.openExternal(url);
  };
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => void openExternal(url) }),
  );
  // Before the slow part of the start (the keychain may wait for an unlock prompt): a
  // second launch, or on macOS a reopen from Finder or Spotlight ('activate': macOS keeps
  // the app single itself), is held until the dashboard can open.
  const reopenRequests = new ReopenRequests();
  app.on('second-instance', () => reopenRequests.request());
  app.on('activate', () => reopenRequests.request());
  // Not Electron's default menu: its Toggle Developer Tools and Reload would be one
  // keystroke away. macOS keeps a minimal one for Cmd+C/V/X/A/Z (app-menu.ts).
  const menuTemplate = applicationMenuTemplate(process.platform);
  Menu.setApplicationMenu(menuTemplate ? Menu.buildFromTemplate(menuTemplate) : null);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.dock?.hide();

  const userData = app.getPath('userData');
  const logger = new FileLogger({ folder: join(userData, 'logs') });
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
  setListenerErrorReporter((error, event) => logger.error(`a listener of ${event} threw`, error));
  logger.info(`${PRODUCT_NAME} ${app.getVersion()} starting`);

  const settings = await SettingsStore.open({ directory: userData });
  if (settings.loadOutcome.kind === 'repaired' || settings.loadOutcome.kind === 'corrupt') {
    logger.warn('settings file was invalid; defaults used', settings.loadOutcome);
  }
  const windowState = new WindowStateStore({ directory: userData });
  const savedWindow = await windowState.load();
  const vault = new ApiKeyVault({
    store: new KeytarSecretStore(launch.keychainService ?? KEYCHAIN_SERVICE),
  });
  const keyStatus = await vault.load();
  if (keyStatus.keychainProblem) logger.warn(`keychain unavailable: ${keyStatus.keychainProblem}`);
  // A keychain locked at login (or a Secret Service that starts late) is read again.
  const keychainRetry = new KeychainRetry({ vault, log: (message) => logger.info(message) });
  const retryKeychain = () => void keychainRetry.retryNow();

  const osLocales = app.getPreferredSystemLanguages();
  const controller = new FeedController({
    keys: vault,
    settings: () => settings.get(),
    osLocales,
    startSimulator,
    // Test mode only: a busier demo, so a test sees its first fill in a second or two.
    ...(launch.testDemoRate ? { demoEventsPerSecond: Number(launch.testDemoRate) } : {}),
  });
  logFeed(controller, logger.scoped('feed'));

  const title = () => (controller.demo ? `${PRODUCT_NAME} — DEMO` : PRODUCT_NAME);

  const dashboard = new DashboardWindow({
    create: (options) => new BrowserWindow(options),
    load: (window) =>
      launch.devServerUrl
        ? window.loadURL(launch.devServerUrl)
        : window.loadFile(join(rendererDir, 'index.html')),
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), {
      packaged: app.isPackaged,
    }),
    title,
    icon: dashboardWindowIcon(process.platform, iconsDir),
    savedState: () =>
      placeOnDisplays(
        savedWindow,
        screen.getAllDisplays().map((d) => d.workArea),
      ),
    saveState: (state) => {
      Object.assign(savedWindow, state);
      windowState.save(state);
    },
    onReady: () => {
      if (pendingTarget) send('push:navigate', pendingTarget);
      pendingTarget = null;
    },
    log: (message) => logger.warn(message),
    onSessionEnd: () => {
      quitSequence.systemShutdown();
      app.quit();
    },
  });
  let pendingTarget: NotificationTarget | null = null;
  const send = (channel: string, payload: unknown) => {
    const window = dashboard.current;
    if (window && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
  };
  const openDashboard = async (target?: NotificationTarget) => {
    app.dock?.show();
    const alreadyOpen = dashboard.current !== null;
    if (target && !alreadyOpen) pendingTarget = target;
    await dashboard.show();
    if (target && alreadyOpen) send('push:navigate', target);
  };

  const batcher = new PushBatcher({
    send,
    hasReceivers: () => dashboard.current !== null,
    summarize: () => {
      const engine = controller.currentEngine;
      if (!engine) return {};
      return {
        counters: engine.store.counters(Date.now()),
        missingHedges: engine.policy.missingHedges(),
      };
    },
  });
  batcher.listenTo(controller);
  controller.on('restarted', batcher.pushRestart);

  // Test mode only: the latest notifications, for the test hooks (bounded like everything else).
  const shownNotifications: NotificationIntent[] = [];
  const recordShown = (intent: NotificationIntent) => {
    if (!TEST_MODE) return;
    shownNotifications.push(intent);
    if (shownNotifications.length > 500) shownNotifications.shift();
  };
  const presenter = new NotificationPresenter({
    Notification,
    platform: process.platform,
    icon: appIconPath(iconsDir),
    onClick: (target) => void openDashboard(target),
    log: logger,
  });
  registerWindowsActivation({
    platform: process.platform,
    Notification,
    presenter,
    // An activation that launched the app comes before the app is ready: held until it is.
    openDashboard: () => reopenRequests.request(),
  });
  controller.on('notification', (intent) => {
    recordShown(intent);
    presenter.show(intent);
  });

  const initialSettings = settings.get();
  const trayInput = {
    status: controller.status,
    counters: { fills: 0, hedgesPlaced: 0 },
    fillsMissingHedge: 0,
    lastEvent: null,
    quietUntil: initialSettings.notifications.quietUntil,
    demo: initialSettings.demoMode,
    keySet: keyStatus.set,
    keychainReadPending: keychainReadPending(keyStatus),
    trading: { status: null, busy: null, problem: null },
    language: controller.language,
  };
  const resolveIcon = (icon: Parameters<typeof trayIconFile>[0]) => {
    const image = nativeImage.createFromPath(join(iconsDir, trayIconFile(icon, process.platform)));
    return image;
  };
  const tray = new TrayController({
    tray: new Tray(resolveIcon({ name: 'connecting', demo: false })),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    resolveIcon,
    platform: process.platform,
    initial: trayInput,
    onError: (error) => logger.error('tray action failed', error),
    actions: {
      openDashboard: () => void openDashboard(),
      pauseNotifications: (until) => void settings.update({ notifications: { quietUntil: until } }),
      reconnectNow: () => {
        retryKeychain();
        controller.reconnectNow();
      },
      tradingAction: (action) =>
        void runTradingCommand(action, {
          confirm: async (question) => {
            const options = confirmationDialog(question, controller.language);
            const { response } = await dialog.showMessageBox(options);
            return response === CONFIRM_BUTTON;
          },
          language: () => controller.language,
          act: (chosen) => controller.tradingAction(chosen),
          facts: () => controller.confirmationFacts(),
          report: (outcome) => {
            const intent = outcomeIntent(outcome, Date.now(), controller.language);
            recordShown(intent);
            presenter.show(intent);
          },
        }).catch((error) => logger.error('trading action failed', error)),
      openSettings: () => void openDashboard({ view: 'settings' }),
      openLogsFolder: () => void shell.openPath(logger.logsFolder),
      quit: () => app.quit(),
    },
  });

  followFeed(tray, controller);
  controller.on('trading', (view) => {
    send('push:trading', view);
    tray.update({ trading: { status: view.status, busy: view.busy, problem: view.problem } });
  });
  controller.on('demo', (demo) => {
    presenter.setDemo(demo);
    tray.update({ demo });
    dashboard.setTitle(title());
  });

  const loginItem = {
    platform: process.platform,
    packaged: app.isPackaged,
    setLoginItemSettings: (item: { openAtLogin: boolean }) => app.setLoginItemSettings(item),
    getLoginItemSettings: () => app.getLoginItemSettings(),
    log: (message: string) => logger.info(message),
    env: process.env,
    homedir: homedir(),
    execPath: process.execPath,
    appPath: app.getAppPath(),
  };
  const setStartAtLogin = createLoginItem(loginItem);
  const applyStartAtLogin = (openAtLogin: boolean) =>
    void setStartAtLogin(openAtLogin).catch((error) =>
      logger.warn('could not change start at login', error),
    );

  settings.onChange((next, previous) => {
    send('push:settings', next);
    tray.update({
      quietUntil: next.notifications.quietUntil,
      // As the controller resolves it; a restart would only resolve it once it runs.
      language: resolveLanguage(next.language, osLocales),
    });
    if (next.startAtLogin !== previous.startAtLogin) applyStartAtLogin(next.startAtLogin);
    const reconnect =
      next.endpoint !== previous.endpoint ||
      next.demoMode !== previous.demoMode ||
      next.channels.join() !== previous.channels.join();
    if (reconnect) void controller.restart();
    else controller.applyPreferences(next);
  });
  const keyChange = keyChangeTracker(vault.readKey());
  vault.onChange((status) => {
    send('push:key-status', status);
    tray.update({ keySet: status.set, keychainReadPending: keychainReadPending(status) });
    // The same key saved again (a retry) must not drop what the running engine holds.
    if (keyChange(vault.readKey()) === 'restart') void controller.restart();
    else controller.reconnectNow();
  });
  keychainRetry.start();

  registerIpcRouter({
    ipcMain,
    handlers: createIpcHandlers({
      controller,
      settings,
      vault,
      openExternal,
      openLogsFolder: async () => {
        await shell.openPath(logger.logsFolder);
      },
      retryKeychain,
      confirmEndpointChange: async (host) => {
        const options = endpointChangeDialog(host, controller.language);
        const { response } = await dialog.showMessageBox(options);
        return response === CHANGE_ENDPOINT_BUTTON;
      },
    }),
    isTrustedSender: isAppUrl,
    onFailure: (failure) =>
      logger.warn(`IPC ${failure.channel} refused (${failure.code}): ${failure.message}`),
  });

  for (const wake of ['resume', 'unlock-screen'] as const) {
    powerMonitor.on(wake as 'resume', () => {
      logger.info(`${wake}: checking the connection`);
      // Reading a locked keychain asks the user to unlock it: on a screen unlock (which may
      // have unlocked it), not on every resume.
      if (wake === 'unlock-screen' || !vault.status().keychainLocked) retryKeychain();
      controller.checkNow();
    });
  }
  watchNetwork({ isOnline: () => net.isOnline(), onBackOnline: () => controller.checkNow() });

  // Closing the dashboard leaves the app in the tray.
  app.on('window-all-closed', () => app.dock?.hide());
  const quitSequence = new QuitSequence({
    cleanUp: () => {
      keychainRetry.dispose();
      return Promise.allSettled([controller.stop(), settings.flush(), windowState.flush()]);
    },
    release: () => {
      batcher.dispose();
      presenter.closeAll();
      tray.destroy();
    },
    quit: () => app.quit(),
    log: (message) => logger.info(message),
  });
  powerMonitor.on('shutdown', () => quitSequence.systemShutdown());
  app.on('before-quit', (event) => quitSequence.beforeQuit(event));

  const startAtLogin = startAtLoginAfterLoad(settings.loadOutcome, initialSettings);
  if (startAtLogin !== null) applyStartAtLogin(startAtLogin);
  else {
    // The setting takes what the OS has, so the next start (or a change) keeps it.
    const actual = readLoginItem(loginItem);
    logger.info(
      `start at login left as it is (${actual ?? 'not applied here'}): the settings file did not say`,
    );
    if (actual !== null) await settings.update({ startAtLogin: actual });
  }
  const loadNotice = settingsLoadNotice(settings.loadOutcome, controller.language, Date.now());
  if (loadNotice) {
    recordShown(loadNotice);
    presenter.show(loadNotice);
  }

  if (TEST_MODE) {
    const feedProbe = () => ({
      events: controller.lastEventSeq,
      sizes: controller.currentEngine?.store.sizes() ?? null,
    });
    exposeTestHooks({
      tray: tray.probe,
      status: () => controller.status,
      trading: () => controller.tradingView(),
      notifications: () => [...shownNotifications],
      feed: feedProbe,
      describe: () => ({
        tray: tray.probe.state(),
        status: controller.status,
        notifications: [...shownNotifications],
        feed: feedProbe(),
      }),
    });
  }

  reopenRequests.ready(() => void openDashboard());
  await controller.restart();
  // First run with neither key nor demo: the dashboard opens on onboarding.
  if (!keyStatus.set && !initialSettings.demoMode) await openDashboard();
}

// Test mode only: a private profile folder, so a test never touches the user's.
if (launch.testUserData) app.setPath('userData', launch.testUserData);

if (app.requestSingleInstanceLock()) {
  void main();
} else {
  // Another instance runs (the key allows only 5 connections): it focuses its window.
  app.quit();
}
