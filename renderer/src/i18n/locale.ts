import type { Language } from '../../../common/i18n/language';

export { type Language, resolveLanguage } from '../../../common/i18n/language';

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
