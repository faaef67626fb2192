/** Windows keeps 127 UTF-16 units of a tray tooltip (szTip holds 128 with the NUL). */
export const TOOLTIP_MAX = 127;

const ELLIPSIS = '…';

/** At most `max` UTF-16 units, cut on a code point boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  // Never split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}

/** One line of text: whitespace runs (newlines too) collapsed, then truncated. */
export function oneLine(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * Lines joined by newlines within `max` units, most important first: a line that does
 * not fit is shortened when a useful part of it fits, otherwise it and the rest are left out.
 */
export function fitLines(lines: readonly string[], max = TOOLTIP_MAX): string {
  let out = '';
  for (const line of lines) {
    const room = max - out.length - (out ? 1 : 0);
    if (line.length <= room) {
      out = out ? `${out}\n${line}` : line;
      continue;
    }
    if (room >= 16 || !out) out = out ? `${out}\n${truncate(line, room)}` : truncate(line, room);
    break;
  }
  return out;
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
