import { PRODUCT_NAME } from '../../common/app-id';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { Language } from '../../common/i18n/language';
import type { SettingsLoadOutcome } from './settings-store';

interface NoticeTexts {
  corruptTitle: string;
  corrupt: string;
  repairedTitle: string;
  repaired(fields: string): string;
  keptAs(path: string): string;
  notKeptAside: string;
}

const TEXTS: Record<Language, NoticeTexts> = {
  en: {
    corruptTitle: 'Settings reset to defaults',
    corrupt: `Your settings file could not be read: ${PRODUCT_NAME} started with the default settings (the production server, every notification on).`,
    repairedTitle: 'Some settings were reset',
    repaired: (fields) => `Invalid values in your settings file took their defaults: ${fields}.`,
    keptAs: (path) => ` The original file was kept as ${path}`,
    notKeptAside:
      ' The file could not be kept aside, so it is left as it was: changes made now are not saved.',
  },
  'zh-CN': {
    corruptTitle: '设置已恢复为默认值',
    corrupt: `无法读取设置文件：${PRODUCT_NAME} 已使用默认设置启动（生产服务器，所有通知开启）。`,
    repairedTitle: '部分设置已重置',
    repaired: (fields) => `设置文件中的无效值已恢复为默认值：${fields}。`,
    keptAs: (path) => `原文件已保留为 ${path}`,
    notKeptAside: '无法另存原文件，因此它保持原样：现在所做的更改不会被保存。',
  },
};

/**
 * The one notice that the settings file was bad and what was used instead, shown at the
 * startup that found it (the next one reads the file written since). Null when it was fine.
 */
export function settingsLoadNotice(
  outcome: SettingsLoadOutcome,
  language: Language,
  at: number,
): NotificationIntent | null {
  if (outcome.kind !== 'corrupt' && outcome.kind !== 'repaired') return null;
  const t = TEXTS[language];
  const where = outcome.keptAside === null ? t.notKeptAside : t.keptAs(outcome.keptAside);
  const corrupt = outcome.kind === 'corrupt';
  return {
    // NotificationKind has no kind for app notices; as for a trading action's outcome,
    // the presenter is called directly, so no notification setting can hide it.
    kind: 'trading-status',
    title: corrupt ? t.corruptTitle : t.repairedTitle,
    body: (corrupt ? t.corrupt : t.repaired(outcome.fields.join(', '))) + where,
    count: 1,
    target: { view: 'settings' },
    // Everything reset, the server included: it stays on screen until dismissed.
    urgent: corrupt,
    at,
  };
}
