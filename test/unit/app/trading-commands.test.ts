import { describe, expect, it, vi } from 'vitest';
import type { TradingAction, TradingActionOutcome } from '../../../common/ipc/trading';
import {
  type ConfirmQuestion,
  outcomeIntent,
  runTradingCommand,
} from '../../../main/app/trading-commands';
import type { ConfirmationFacts } from '../../../main/app/trading-texts';

function deps(
  answer: boolean,
  openOrders: number | null = 4,
  more: Partial<ConfirmationFacts> = {},
) {
  const questions: ConfirmQuestion[] = [];
  const reported: TradingActionOutcome[] = [];
  const act = vi.fn(async (action: TradingAction) => ({ action, ok: true, message: 'done' }));
  const facts = vi.fn(
    async (): Promise<ConfirmationFacts> => ({
      openOrders,
      exact: true,
      statusKnown: true,
      ...more,
    }),
  );
  return {
    questions,
    reported,
    act,
    facts,
    deps: {
      confirm: async (question: ConfirmQuestion) => {
        questions.push(question);
        return answer;
      },
      act,
      facts,
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
      expect(d.facts).not.toHaveBeenCalled();
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

  it('says "about" when the count is the app’s own, not the server’s answer just now', async () => {
    const d = deps(false, 5, { exact: false });
    await runTradingCommand('stop', d.deps);
    expect(d.questions[0]?.message).toMatch(
      /^This cancels every open order \(about 5 by this app's last count\) at the exchanges/,
    );
    const none = deps(false, null, { exact: false });
    await runTradingCommand('cancel-all', none.deps);
    expect(none.questions[0]?.message).toMatch(/^This cancels every open order at the exchanges/);
    const zero = deps(false, 0);
    await runTradingCommand('cancel-all', zero.deps);
    expect(zero.questions[0]?.message).toMatch(/every open order \(none is open now\)/);
  });

  it('says the trading status is unknown when it is, and still lets the user go ahead', async () => {
    const d = deps(true, null, { exact: false, statusKnown: false });
    await runTradingCommand('stop', d.deps);
    expect(d.questions[0]?.message).toContain(
      'The current trading status is unknown: it could not be read from the server.',
    );
    expect(d.act).toHaveBeenCalledWith('stop');
    const known = deps(false, 2);
    await runTradingCommand('stop', known.deps);
    expect(known.questions[0]?.message).not.toContain('unknown');
  });

  it('asks even when the facts cannot be read, saying nothing it does not know', async () => {
    const d = deps(false);
    d.facts.mockRejectedValueOnce(new Error('boom'));
    await runTradingCommand('cancel-all', d.deps);
    expect(d.questions[0]?.message).toBe(
      'This cancels every open order at the exchanges. Trading goes on: the engine may post new orders. The current trading status is unknown: it could not be read from the server.',
    );
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
