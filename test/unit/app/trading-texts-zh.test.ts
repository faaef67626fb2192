import { describe, expect, it } from 'vitest';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { answeredOutcome, unclearOutcome, unreadOutcome } from '../../../main/app/control-outcome';
import { tradingTexts } from '../../../main/app/texts';
import { outcomeIntent } from '../../../main/app/trading-commands';
import {
  cancelResultText,
  confirmationText,
  controlResultText,
  tradingActionLabel,
  tradingStateLabel,
  tradingStatusIntent,
} from '../../../main/app/trading-texts';

const status = (state: string, systemReason: string | null = null): TradingStatus =>
  ({ status: state, systemReason }) as TradingStatus;

describe('trading texts in Simplified Chinese', () => {
  it('names states and actions with the dashboard words', () => {
    expect(tradingStateLabel(status('manual_paused'), 'zh-CN')).toBe('交易已暂停');
    expect(tradingStateLabel(status('halted_for_audit'), 'zh-CN')).toBe('交易：halted_for_audit');
    expect(tradingActionLabel('cancel-all', 'zh-CN')).toBe('撤销所有挂单');
  });

  it('writes results, in a sentence each', () => {
    expect(
      controlResultText('pause', { ...status('manual_paused'), result: 'pause_applied' }, 'zh-CN'),
    ).toBe('交易已暂停：不再下新单，现有挂单保留。');
    expect(
      controlResultText(
        'stop',
        { ...status('manual_stopped'), result: 'stop_applied', cancelledOrders: 3 },
        'zh-CN',
      ),
    ).toBe('交易已停止。已撤销 3 笔挂单。');
    expect(controlResultText('resume', status('live'), 'zh-CN')).toBe(
      '恢复交易：已完成（交易进行中）。',
    );
    expect(cancelResultText({ cancelled: 4, failed: 1, raw: {} }, 'zh-CN')).toBe(
      '已撤销 4 笔挂单，1 笔无法撤销。',
    );
    expect(cancelResultText({ cancelled: null, failed: null, raw: {} }, 'zh-CN')).toBe(
      '撤单请求已接受。',
    );
  });

  it('asks before a stop in Chinese', () => {
    const question = confirmationText(
      'stop',
      { openOrders: 5, exact: true, statusKnown: false },
      'zh-CN',
    );
    expect(question?.title).toBe('停止交易？');
    expect(question?.message).toContain('这将在交易所撤销全部 5 笔挂单');
    expect(question?.message).toMatch(/当前交易状态未知：无法从服务器读取。$/);
  });

  it('notifies a status change and an outcome in Chinese', () => {
    const intent = tradingStatusIntent(status('live'), status('system_stopped'), 1, 'zh-CN');
    expect(intent).toMatchObject({
      title: '系统已停止交易',
      body: '由服务器更改（之前：交易进行中）。',
    });
    const outcome = outcomeIntent({ action: 'pause', ok: false, message: '超时' }, 1, 'zh-CN');
    expect(outcome).toMatchObject({ title: '暂停交易失败', body: '超时' });
    expect(outcomeIntent({ action: 'pause', ok: true, message: 'x' }, 1, 'zh-CN').title).toBe(
      '暂停交易：已完成',
    );
  });

  it('tells an unclear answer, and a state other than the one asked for, in Chinese', () => {
    const timeout = new Error('no answer from the server within 10 s');
    expect(unclearOutcome('stop', timeout, status('manual_stopped'), 'zh-CN')).toEqual({
      action: 'stop',
      ok: true,
      message:
        '服务器没有给出明确答复（no answer from the server within 10 s）。当前状态：交易已停止。',
    });
    expect(unreadOutcome('pause', timeout, new Error('down'), 'zh-CN').message).toBe(
      '服务器没有给出明确答复（no answer from the server within 10 s），且无法读取交易状态（down）：请先确认状态再重试。',
    );
    const paused = { ...status('system_stopped'), result: 'pause_applied' };
    expect(answeredOutcome('pause', paused, 'zh-CN').message).toBe(
      '交易已暂停：不再下新单，现有挂单保留。当前状态：系统已停止交易。',
    );
    expect(tradingTexts('zh-CN').gapNotRead).toMatch(/^断线期间错过的更新未能全部从服务器读取/);
  });

  it('stays English by default', () => {
    expect(tradingStatusIntent(null, status('emergency', 'limit'), 1)).toMatchObject({
      title: 'Trading halted: emergency',
      body: 'limit',
    });
    expect(outcomeIntent({ action: 'stop', ok: true, message: 'x' }, 1).title).toBe(
      'Stop trading: done',
    );
  });
});
