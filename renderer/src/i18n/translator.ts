import { type Catalog, en, type MessageKey } from './en';
import type { Language } from './locale';
import { zhCN } from './zh-CN';

export type Params = Record<string, string | number>;

/** Keys that have .one and .other forms, without the suffix. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.one`
    ? Base
    : never
  : never;

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Params): string;
  /** A plural message: `{count}` is filled with `count` formatted for the locale. */
  tp(key: PluralKey, count: number, params?: Params): string;
}

const CATALOGS: Record<Language, Catalog> = { en, 'zh-CN': zhCN };

/** A message as the catalog has it, placeholders unfilled. */
export function messageTemplate(language: Language, key: MessageKey): string {
  return CATALOGS[language][key] ?? en[key];
}

export function createTranslator(
  language: Language,
  formatCount: (n: number) => string,
): Translator {
  const catalog = CATALOGS[language];
  const plurals = new Intl.PluralRules(language);
  const t = (key: MessageKey, params?: Params) => fill(catalog[key] ?? en[key] ?? key, params);
  return {
    language,
    t,
    tp(key, count, params) {
      const form = plurals.select(count) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as MessageKey, { ...params, count: formatCount(count) });
    },
  };
}

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
