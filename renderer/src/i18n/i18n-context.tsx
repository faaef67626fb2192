import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { Settings } from '../../../common/settings/schema';
import { createFormatters, type Formatters } from './formatters';
import { formattingLocale, osLocales, resolveLanguage } from './locale';
import { createTranslator, messageTemplate, type Translator } from './translator';

export interface I18n extends Translator {
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  language,
  children,
}: {
  language: Settings['language'] | undefined;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(() => {
    const locales = osLocales();
    const resolved = resolveLanguage(language, locales);
    const fmt = createFormatters(
      formattingLocale(resolved, locales),
      messageTemplate(resolved, 'format.cents'),
    );
    return { ...createTranslator(resolved, fmt.count), fmt };
  }, [language]);
  useEffect(() => {
    document.documentElement.lang = value.language;
  }, [value.language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
