import type { Language } from '../../../common/i18n/language';
import type { AlertTexts } from './catalog';
import { en } from './en';
import { zhCN } from './zh-CN';

export type { AlertTexts, Priced } from './catalog';

const CATALOGS: Record<Language, AlertTexts> = { en, 'zh-CN': zhCN };

export function alertTexts(language: Language): AlertTexts {
  return CATALOGS[language];
}
