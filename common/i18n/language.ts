import type { Settings } from '../settings/schema';

/** The languages with a catalog (the dashboard's, and the main process's notification texts). */
export type Language = 'en' | 'zh-CN';

/** The catalog to use: the setting, or the first OS language that has one (else English). */
export function resolveLanguage(
  setting: Settings['language'] | undefined,
  osLocales: readonly string[],
): Language {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  for (const locale of osLocales) {
    const lower = locale.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
