import { join } from 'node:path';
import { readJsonFile } from './json-file';
import { LatestValueWriter } from './latest-writer';
import { DEFAULT_WINDOW_STATE, type WindowState, windowStateSchema } from './window-state';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowStateStoreOptions {
  /** The user data folder. */
  directory: string;
  fileName?: string;
  /** Moving or resizing a window reports many bounds a second; only the last is written. */
  debounceMs?: number;
}

/**
 * The remembered window bounds, in their own small file. A missing or invalid file gives
 * the defaults; it is not worth keeping aside and is simply overwritten.
 */
export class WindowStateStore {
  readonly path: string;
  private readonly writer: LatestValueWriter;
  private readonly debounceMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: WindowState | undefined;

  constructor(options: WindowStateStoreOptions) {
    this.path = join(options.directory, options.fileName ?? WINDOW_STATE_FILE);
    this.writer = new LatestValueWriter(this.path);
    this.debounceMs = options.debounceMs ?? 500;
  }

  async load(): Promise<WindowState> {
    const read = await readJsonFile(this.path);
    if (read.kind !== 'parsed') return { ...DEFAULT_WINDOW_STATE };
    const parsed = windowStateSchema.safeParse(read.value);
    return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
  }

  /**
   * Remembers the bounds, written after `debounceMs` of quiet. Fractional values are
   * rounded; invalid ones (a minimised window's zero size) are ignored: returns false.
   */
  save(state: WindowState): boolean {
    const rounded = {
      ...state,
      width: Math.round(state.width),
      height: Math.round(state.height),
      ...(state.x !== undefined && { x: Math.round(state.x) }),
      ...(state.y !== undefined && { y: Math.round(state.y) }),
    };
    const parsed = windowStateSchema.safeParse(rounded);
    if (!parsed.success) return false;
    this.pending = parsed.data;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.debounceMs);
    return true;
  }

  /** Writes the last saved bounds now (at quit, or when the window closes). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.pending;
    this.pending = undefined;
    if (state === undefined) return this.writer.idle();
    return this.writer.write(`${JSON.stringify(state, null, 2)}\n`);
  }
}
