import { useState } from 'react';
import {
  CONFIRMED_ACTIONS,
  TRADING_ACTIONS,
  type TradingAction,
  type TradingActionOutcome,
} from '../../../../common/ipc/trading';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/i18n-context';
import { useBridge, useDashboard, useStore } from '../../store/use-dashboard';

/**
 * Which actions would change something now: resume undoes a pause, start undoes a stop.
 * While the status is unknown the kill switch (stop, cancel all) stays available.
 */
function enabledActions(
  status: { manualPaused: boolean; manualStopped: boolean } | null,
): Set<TradingAction> {
  if (!status) return new Set(['stop', 'cancel-all']);
  const { manualPaused: paused, manualStopped: stopped } = status;
  const on = new Set<TradingAction>(['cancel-all']);
  if (!paused && !stopped) on.add('pause');
  if (paused && !stopped) on.add('resume');
  if (!stopped) on.add('stop');
  if (stopped) on.add('start');
  return on;
}

/**
 * Pause, Resume, Stop, Start and Cancel all. Stop and cancel-all ask first, saying how
 * many orders they cancel; the result, or the server's reason for refusing, is shown.
 * Check status now reads trading/status at once instead of waiting for the next poll.
 */
export function TradingControls({ openOrders }: { openOrders: number | null }) {
  const { t, tp } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const status = useDashboard((s) => s.trading.status);
  const [asking, setAsking] = useState<TradingAction | null>(null);
  const [running, setRunning] = useState<TradingAction | null>(null);
  const [outcome, setOutcome] = useState<TradingActionOutcome | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkFailure, setCheckFailure] = useState<string | null>(null);
  const enabled = enabledActions(status);

  const checkNow = () => {
    setChecking(true);
    setCheckFailure(null);
    bridge.trading
      .status()
      .then((view) => store.applyTrading(view))
      .catch((error: unknown) =>
        setCheckFailure(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setChecking(false));
  };

  const run = (action: TradingAction) => {
    setAsking(null);
    setRunning(action);
    setOutcome(null);
    setCheckFailure(null);
    bridge.trading
      .act(action, CONFIRMED_ACTIONS.includes(action) ? { confirmed: true } : {})
      .then(setOutcome)
      .catch((error: unknown) =>
        setOutcome({
          action,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => setRunning(null));
  };
  const choose = (action: TradingAction) =>
    CONFIRMED_ACTIONS.includes(action) ? setAsking(action) : run(action);
  const orders =
    openOrders === null
      ? t('trading.confirm.everyOrder')
      : tp('trading.confirm.orders', openOrders);

  return (
    <section className="card trading-controls" aria-labelledby="card-trading">
      <h2 id="card-trading">{t('trading.controls')}</h2>
      <div className="button-row">
        {TRADING_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'stop' || action === 'cancel-all' ? 'danger' : undefined}
            disabled={running !== null || !enabled.has(action)}
            onClick={() => choose(action)}
          >
            {running === action ? t('trading.working') : t(`trading.action.${action}`)}
          </button>
        ))}
        <button type="button" disabled={checking} onClick={checkNow}>
          {checking ? t('trading.working') : t('trading.checkNow')}
        </button>
      </div>
      <p
        role="status"
        className={
          (outcome && !outcome.ok) || checkFailure ? 'trading-result error' : 'trading-result'
        }
      >
        {checkFailure
          ? t('trading.problem', { message: checkFailure })
          : outcome &&
            t(outcome.ok ? 'trading.result.ok' : 'trading.result.failed', {
              action: t(`trading.action.${outcome.action}`),
              message: outcome.message,
            })}
      </p>
      {(asking === 'stop' || asking === 'cancel-all') && (
        <Modal
          title={t(`trading.confirm.${asking}.title`)}
          closeLabel={t('trading.confirm.back')}
          onClose={() => setAsking(null)}
          actions={
            <button type="button" className="danger" onClick={() => run(asking)}>
              {t(`trading.action.${asking}`)}
            </button>
          }
        >
          <p>{t(`trading.confirm.${asking}.body`, { orders })}</p>
          {status === null && <p>{t('trading.unknown')}</p>}
        </Modal>
      )}
    </section>
  );
}
