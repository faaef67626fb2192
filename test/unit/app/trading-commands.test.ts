import { describe, expect, it, vi } from 'vitest';
import type { TradingAction, TradingActionOutcome } from '../../../common/ipc/trading';
import {
  type ConfirmQuestion,
  outcomeIntent,
  runTradingCommand,
} from '../../../main/app/trading-commands';

function deps(answer: boolean, openOrders: number | null = 4) {
  const questions: ConfirmQuestion[] = [];
  const reported: TradingActionOutcome[] = [];
  const act = vi.fn(async (action: TradingAction) => ({ action, ok: true, message: 'done' }));
  return {
    questions,
    reported,
    act,
    deps: {
      confirm: async (question: ConfirmQuestion) => {
        questions.push(question);
        return answer;
      },
      act,
      openOrders: () => openOrders,
      report: (outcome: TradingActionOutcome) => reported.push(outcome),
    },
  };
}

describe('a trading control chosen in the tray', () => {
  it('pause, resume and start run at once, and their outcome is shown', async () => {
    for (const action of ['pause', 'resume', 'start'] as const) {
      const d = deps(false);
      await runTradingCommand(action, d.deps);
      expect(d.questions).toEqual([]);
      expect(d.act).toHaveBeenCalledWith(action);
      expect(d.reported).toEqual([{ action, ok: true, message: 'done' }]);
    }
  });

  it('stop asks first, saying exactly what it cancels, and does nothing on No', async () => {
    const d = deps(false, 4);
    expect(await runTradingCommand('stop', d.deps)).toBeNull();
    expect(d.questions).toEqual([
      {
        title: 'Stop trading?',
        message:
          'This cancels all 4 open orders at the exchanges and posts no new orders until you choose Start trading. Hedging of fills already matched goes on.',
        confirm: 'Stop trading',
      },
    ]);
    expect(d.act).not.toHaveBeenCalled();
    expect(d.reported).toEqual([]);
  });

  it('cancel-all asks first, and runs on Yes', async () => {
    const d = deps(true, 1);
    await runTradingCommand('cancel-all', d.deps);
    expect(d.questions[0]?.message).toBe(
      'This cancels all 1 open order at the exchanges. Trading goes on: the engine may post new orders.',
    );
    expect(d.act).toHaveBeenCalledWith('cancel-all');
    expect(d.reported).toHaveLength(1);
  });

  it('a refusal is shown urgently with the server’s detail', () => {
    const intent = outcomeIntent(
      { action: 'start', ok: false, message: 'system stop (maintenance)' },
      5,
    );
    expect(intent).toMatchObject({
      kind: 'trading-status',
      title: 'Start trading failed',
      body: 'system stop (maintenance)',
      urgent: true,
      at: 5,
    });
  });
});
