import type { Language } from '../../../common/i18n/language';
import type { TradingTexts } from './catalog';
import { en } from './en';
import { zhCN } from './zh-CN';

export type { TradingTexts } from './catalog';

const CATALOGS: Record<Language, TradingTexts> = { en, 'zh-CN': zhCN };

export function tradingTexts(language: Language): TradingTexts {
  return CATALOGS[language];
}
