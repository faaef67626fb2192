import type { MessageBoxOptions } from 'electron';
import type { Language } from '../../common/i18n/language';

/** The index of the button that changes the endpoint; the other one (1) cancels. */
export const CHANGE_ENDPOINT_BUTTON = 0;

const TEXTS: Record<
  Language,
  (host: string) => { title: string; detail: string; buttons: [string, string] }
> = {
  en: (host) => ({
    title: 'Send your API key to another server?',
    detail:
      `With this endpoint the app connects to ${host} with your saved API key at once. ` +
      'Go on only if you changed the endpoint yourself and trust that server.',
    buttons: ['Change endpoint', 'Cancel'],
  }),
  'zh-CN': (host) => ({
    title: '将 API 密钥发送到另一台服务器？',
    detail:
      `使用此端点后，应用会立即用已保存的 API 密钥连接 ${host}。` +
      '仅当您亲自更改了端点并信任该服务器时才继续。',
    buttons: ['更改端点', '取消'],
  }),
};

/**
 * The question before the feed takes the stored key to a new server (for
 * dialog.showMessageBox): Cancel is the default, so Enter or Escape changes nothing.
 */
export function endpointChangeDialog(host: string, language: Language): MessageBoxOptions {
  const { title, detail, buttons } = TEXTS[language](host);
  return {
    type: 'warning',
    title,
    message: title,
    detail,
    buttons,
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
