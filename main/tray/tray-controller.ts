import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Language } from '../../common/i18n/language';
import type { TradingAction } from '../../common/ipc/trading';
import { trayTexts } from './texts';
import { type TrayClock, trayClock } from './tray-clock';
import type { TrayIcon } from './tray-icons';
import {
  findMenuItem,
  isTrayCommand,
  localNextMorning,
  type MorningPause,
  pauseUntil,
  sameMenu,
  TRADING_COMMANDS,
  type TrayCommand,
  type TrayMenuItem,
} from './tray-menu';
import { type TrayInput, type TrayView, trayIcon, trayView } from './tray-model';

/** The part of Electron's Tray the controller uses; the composition root passes `new Tray(...)`. */
export type TrayHandle = Pick<
  Tray,
  'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on' | 'destroy'
>;
/** Menu.buildFromTemplate. */
export type BuildMenu = (template: MenuItemConstructorOptions[]) => Menu;
/** The image for an icon on this platform, e.g. nativeImage.createFromPath(dir + trayIconFile()). */
export type ResolveTrayIcon = (icon: TrayIcon) => NativeImage | string;

export interface TrayActions {
  openDashboard(): void;
  /** Mute notifications (emergencies excepted) until `until`; null resumes. The root persists it and calls update({ quietUntil }). */
  pauseNotifications(until: number | null): void;
  reconnectNow(): void;
  /** A trading control was chosen; the root asks to confirm those that cancel orders. */
  tradingAction(action: TradingAction): void;
  openSettings(): void;
  openLogsFolder(): void;
  quit(): void;
}

/** What the tray shows right now, as applied to the Electron tray. */
export interface TrayProbeState {
  icon: TrayIcon;
  tooltip: string;
  /** Applied with setTitle on macOS only; reported everywhere. */
  title: string;
  menu: TrayMenuItem[];
}

/** Test mode only: what the tray shows, and clicks as a user would make them. */
export interface TrayProbe {
  state(): TrayProbeState;
  /** Runs the menu item's action; throws when no enabled command item has this id. */
  clickMenuItem(id: string): void;
  /** A click on the icon itself, as the platform handles it. */
  clickIcon(): void;
}

export interface TrayControllerOptions {
  tray: TrayHandle;
  buildMenu: BuildMenu;
  resolveIcon: ResolveTrayIcon;
  actions: TrayActions;
  platform: NodeJS.Platform;
  initial: TrayInput;
  /** Wall-clock time: what the tray shows and when pauses end. */
  now?: () => number;
  /**
   * A clock that never steps back, for the throttle alone (a wall-clock step back would
   * freeze the tooltip for its length). Default performance.now.
   */
  monotonicNow?: () => number;
  /** Tooltip and menu updates are applied at most once per interval. Default 250 ms. */
  minIntervalMs?: number;
  /** IANA zone for clock times (tests pass 'UTC'); default: the system's. */
  timeZone?: string;
  /** Where a pause "until the morning" ends; default the next 08:00 local time. */
  nextMorning?: (now: number) => MorningPause;
  /** An action threw: report it (the tray keeps working). Default: console.error. */
  onError?: (error: unknown) => void;
}

/** setTimeout's limit; longer waits are re-armed when they fire. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Inputs whose change is applied at once, not at the next throttled update. */
function promptKey(input: TrayInput): string {
  const icon = trayIcon(input);
  const s = input.status;
  return [
    icon.name,
    icon.demo,
    s.state,
    s.emergency,
    input.keySet,
    input.keychainReadPending,
    input.quietUntil,
    input.fillsMissingHedge,
    input.trading?.status?.status,
    input.trading?.busy,
    input.language,
  ].join('|');
}

function sameIcon(a: TrayIcon, b: TrayIcon): boolean {
  return a.name === b.name && a.demo === b.demo;
}

/**
 * Drives an Electron tray from TrayInput. Icon and state changes apply at once; the
 * tooltip and menu follow the feed (which may change every frame) at most once per
 * interval. The menu is always set with setContextMenu (Linux ignores popUpContextMenu)
 * and rebuilt only when its model changed. A click on the icon opens the dashboard on
 * Windows and Linux; on macOS a click opens the menu, as menu-bar items do.
 */
export class TrayController {
  private input: TrayInput;
  private shown: TrayView | null = null;
  private shownKey = '';
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private throttleTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly now: () => number;
  private readonly monotonicNow: () => number;
  private readonly nextMorning: (now: number) => MorningPause;
  private readonly clocks = new Map<Language, TrayClock>();
  private readonly minIntervalMs: number;

  readonly probe: TrayProbe = {
    state: () => {
      const view = this.view();
      return structuredClone({
        icon: view.icon,
        tooltip: view.tooltip,
        title: view.title,
        menu: view.menu,
      });
    },
    clickMenuItem: (id) => {
      const item = findMenuItem(this.view().menu, id);
      if (item?.type !== 'normal' || !item.enabled || !isTrayCommand(item.id)) {
        throw new Error(`the tray menu has no enabled command "${id}"`);
      }
      this.run(item.id);
    },
    clickIcon: () => this.onIconClick(),
  };

  private readonly commands: Record<TrayCommand, () => void>;

  constructor(private readonly options: TrayControllerOptions) {
    const { actions } = options;
    const pause = (command: 'pause-30m' | 'pause-1h' | 'pause-tomorrow' | 'resume') => () =>
      actions.pauseNotifications(pauseUntil(command, this.now(), this.nextMorning));
    this.commands = {
      'open-dashboard': () => actions.openDashboard(),
      'pause-30m': pause('pause-30m'),
      'pause-1h': pause('pause-1h'),
      'pause-tomorrow': pause('pause-tomorrow'),
      resume: pause('resume'),
      reconnect: () => actions.reconnectNow(),
      'trading-pause': () => actions.tradingAction(TRADING_COMMANDS['trading-pause']),
      'trading-resume': () => actions.tradingAction(TRADING_COMMANDS['trading-resume']),
      'trading-stop': () => actions.tradingAction(TRADING_COMMANDS['trading-stop']),
      'trading-start': () => actions.tradingAction(TRADING_COMMANDS['trading-start']),
      'trading-cancel-all': () => actions.tradingAction(TRADING_COMMANDS['trading-cancel-all']),
      settings: () => actions.openSettings(),
      'open-logs': () => actions.openLogsFolder(),
      quit: () => actions.quit(),
    };
    this.input = options.initial;
    this.now = options.now ?? (() => Date.now());
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.nextMorning = options.nextMorning ?? localNextMorning;
    this.minIntervalMs = options.minIntervalMs ?? 250;
    options.tray.on('click', () => this.onIconClick());
    this.flush();
  }

  /** Merges what changed; cheap enough to call for every feed event. */
  update(patch: Partial<TrayInput>): void {
    if (this.destroyed) return;
    this.input = { ...this.input, ...patch };
    if (promptKey(this.input) !== this.shownKey) {
      this.flush();
      return;
    }
    if (this.throttleTimer !== undefined) return;
    const wait = this.lastFlushAt + this.minIntervalMs - this.monotonicNow();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = undefined;
      this.flush();
    }, wait);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.throttleTimer);
    clearTimeout(this.refreshTimer);
    this.options.tray.destroy();
  }

  private view(): TrayView {
    if (!this.shown) throw new Error('the tray has not been drawn yet');
    return this.shown;
  }

  private flush(): void {
    if (this.destroyed) return;
    clearTimeout(this.throttleTimer);
    this.throttleTimer = undefined;
    const now = this.now();
    const language = this.input.language ?? 'en';
    const next = trayView(this.input, now, this.clock(language), this.nextMorning(now));
    const { tray } = this.options;
    const shown = this.shown;
    if (!shown || !sameIcon(shown.icon, next.icon)) {
      tray.setImage(this.options.resolveIcon(next.icon));
    }
    if (!shown || shown.tooltip !== next.tooltip) tray.setToolTip(next.tooltip);
    if (this.options.platform === 'darwin' && (!shown || shown.title !== next.title)) {
      tray.setTitle(next.title);
    }
    if (!shown || !sameMenu(shown.menu, next.menu)) {
      tray.setContextMenu(this.options.buildMenu(this.template(next.menu)));
    }
    this.shown = next;
    this.shownKey = promptKey(this.input);
    this.lastFlushAt = this.monotonicNow();
    this.scheduleRefresh(next.refreshAt, now);
  }

  /** Clock times in the language's locale, made once per language. */
  private clock(language: Language): TrayClock {
    let clock = this.clocks.get(language);
    if (!clock) {
      clock = trayClock(this.options.timeZone, trayTexts(language).locale);
      this.clocks.set(language, clock);
    }
    return clock;
  }

  private scheduleRefresh(at: number | null, now: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (at === null) return;
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = undefined;
        if (this.now() >= at) this.flush();
        else this.scheduleRefresh(at, this.now());
      },
      Math.min(Math.max(0, at - now), MAX_TIMER_MS),
    );
  }

  private template(items: readonly TrayMenuItem[]): MenuItemConstructorOptions[] {
    return items.map((item): MenuItemConstructorOptions => {
      if (item.type === 'separator') return { id: item.id, type: 'separator' };
      const { id, label, enabled } = item;
      if (item.type === 'submenu') {
        return { id, type: 'submenu', label, enabled, submenu: this.template(item.submenu) };
      }
      const click = isTrayCommand(id) ? { click: () => this.run(id) } : {};
      return { id, type: 'normal', label, enabled, ...click };
    });
  }

  private onIconClick(): void {
    if (this.options.platform !== 'darwin') this.run('open-dashboard');
  }

  private run(command: TrayCommand): void {
    try {
      this.commands[command]();
    } catch (error) {
      (this.options.onError ?? console.error)(error);
    }
  }
}
