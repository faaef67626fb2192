import type { Settings } from '../../../common/settings/schema';

/** The languages with a catalog. */
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

/**
 * The locale numbers and times are written in: the user's own variant of the chosen
 * language (en-GB stays en-GB), or the catalog's language.
 */
export function formattingLocale(language: Language, osLocales: readonly string[]): string {
  const prefix = language === 'zh-CN' ? 'zh' : 'en';
  const own = osLocales.find((locale) => locale.toLowerCase().startsWith(prefix));
  if (own && Intl.DateTimeFormat.supportedLocalesOf([own]).length > 0) return own;
  return language;
}

export function osLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
