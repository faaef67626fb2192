import type { Language } from '../../../common/i18n/language';
import type { TrayTexts } from './catalog';
import { en } from './en';
import { zhCN } from './zh-CN';

export type { TrayEventTexts, TrayTexts } from './catalog';

const CATALOGS: Record<Language, TrayTexts> = { en, 'zh-CN': zhCN };

export function trayTexts(language: Language): TrayTexts {
  return CATALOGS[language];
}
