import type { NotificationIntent, NotificationTarget } from '../../common/domain/notifications';

/** Longest text kept in a status reason, error or notification: keeps each one small. */
export const MAX_TEXT_CHARS = 2_000;
/**
 * Longest server id kept in a notification's target. Real ids are far shorter and pass
 * untouched, so a click still finds them; the protocol allows any string, though.
 */
export const MAX_TARGET_ID_CHARS = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function clipText<T extends object, K extends keyof T>(
  item: T,
  field: K,
  max = MAX_TEXT_CHARS,
): T {
  const text = item[field];
  if (typeof text !== 'string' || text.length <= max) return item;
  return { ...item, [field]: clip(text, max) };
}

function clipTarget(target: NotificationTarget): NotificationTarget {
  const fields = Object.entries(target);
  const tooLong = ([, value]: [string, unknown]) =>
    typeof value === 'string' && value.length > MAX_TARGET_ID_CHARS;
  if (!fields.some(tooLong)) return target;
  const clipped = fields.map(([name, value]) => [
    name,
    typeof value === 'string' ? clip(value, MAX_TARGET_ID_CHARS) : value,
  ]);
  return Object.fromEntries(clipped) as NotificationTarget;
}

/** A notification small enough to fit in any push: texts and target ids clipped. */
export function clipNotification(intent: NotificationIntent): NotificationIntent {
  const texts = clipText(clipText(intent, 'title'), 'body');
  const target = clipTarget(intent.target);
  return target === intent.target ? texts : { ...texts, target };
}
