import type { MessageBoxOptions } from 'electron';
import type { Language } from '../../common/i18n/language';
import type { ConfirmQuestion } from '../app/trading-commands';
import { trayTexts } from './texts';

/** The index of the button that goes ahead; the other one (1) cancels. */
export const CONFIRM_BUTTON = 0;

/**
 * The warning before a stop or cancel-all from the tray (for dialog.showMessageBox):
 * Cancel is the default, so Enter or Escape never cancels orders by accident.
 */
export function confirmationDialog(
  question: ConfirmQuestion,
  language: Language,
): MessageBoxOptions {
  return {
    type: 'warning',
    title: question.title,
    message: question.title,
    detail: question.message,
    buttons: [question.confirm, trayTexts(language).cancelButton],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
