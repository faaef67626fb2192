import { describe, expect, it, vi } from 'vitest';
import { type ConfirmQuestion, runTradingCommand } from '../../../main/app/trading-commands';
import { confirmationText } from '../../../main/app/trading-texts';
import { CONFIRM_BUTTON, confirmationDialog } from '../../../main/tray/confirmation-dialog';

const FACTS = { openOrders: 3, exact: true, statusKnown: true };

describe('confirmationDialog', () => {
  it('asks in English with a Cancel button, Cancel the default', () => {
    const question = confirmationText('stop', FACTS) as ConfirmQuestion;
    expect(confirmationDialog(question, 'en')).toEqual({
      type: 'warning',
      title: 'Stop trading?',
      message: 'Stop trading?',
      detail: question.message,
      buttons: ['Stop trading', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    expect(CONFIRM_BUTTON).toBe(0);
  });

  it('asks in Chinese with Chinese buttons', () => {
    const question = confirmationText('cancel-all', FACTS, 'zh-CN') as ConfirmQuestion;
    const dialog = confirmationDialog(question, 'zh-CN');
    expect(dialog.message).toBe('撤销所有挂单？');
    expect(dialog.detail).toBe('这将在交易所撤销全部 3 笔挂单。交易继续：引擎可能会下新单。');
    expect(dialog.buttons).toEqual(['撤销所有挂单', '取消']);
    expect(dialog.cancelId).toBe(1);
  });
});

describe('runTradingCommand and the language', () => {
  function deps(language?: () => 'en' | 'zh-CN') {
    return {
      confirm: vi.fn(async (_question: ConfirmQuestion) => false),
      act: vi.fn(),
      facts: async () => FACTS,
      report: vi.fn(),
      ...(language ? { language } : {}),
    };
  }

  it('asks in the language current when the control is chosen', async () => {
    let language: 'en' | 'zh-CN' = 'en';
    const chinese = deps(() => language);
    language = 'zh-CN';
    await runTradingCommand('stop', chinese);
    expect(chinese.confirm).toHaveBeenCalledWith(
      expect.objectContaining({ title: '停止交易？', confirm: '停止交易' }),
    );
    expect(chinese.act).not.toHaveBeenCalled();
  });

  it('asks in English when no language is given', async () => {
    const english = deps();
    await runTradingCommand('stop', english);
    expect(english.confirm).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Stop trading?' }),
    );
  });
});
