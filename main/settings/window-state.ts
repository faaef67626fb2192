import { z } from 'zod';

export const MIN_WINDOW_WIDTH = 480;
export const MIN_WINDOW_HEIGHT = 320;

/**
 * The dashboard window's size and place, remembered between launches. Bounds are the
 * normal (not maximized) ones; x and y are absent until the window was first placed.
 */
export const windowStateSchema = z
  .object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(MIN_WINDOW_WIDTH).max(100_000),
    height: z.number().int().min(MIN_WINDOW_HEIGHT).max(100_000),
    maximized: z.boolean().default(false),
  })
  .refine((state) => (state.x === undefined) === (state.y === undefined), {
    message: 'x and y are given together or not at all',
  });

export type WindowState = z.output<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1100, height: 720, maximized: false };

/** A display's work area, as Electron's `screen.getAllDisplays()[i].workArea`. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of a window must be on a screen for the saved position to be kept. */
const MIN_VISIBLE = { width: 100, height: 50 };

/**
 * Fits remembered bounds to the displays there are now: a window that would open off
 * screen (its monitor unplugged, a resolution change) loses its position and is centred;
 * one larger than its screen shrinks to fit.
 */
export function placeOnDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  if (workAreas.length === 0) return state;
  let target = workAreas[0]!;
  let placed = false;
  if (state.x !== undefined && state.y !== undefined) {
    const window = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best = 0;
    for (const area of workAreas) {
      const overlap = intersection(window, area);
      if (overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height) {
        const size = overlap.width * overlap.height;
        if (size > best) {
          best = size;
          target = area;
          placed = true;
        }
      }
    }
  }
  const fitted: WindowState = {
    width: Math.min(state.width, target.width),
    height: Math.min(state.height, target.height),
    maximized: state.maximized,
  };
  if (placed) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}

function intersection(a: Area, b: Area): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}
