import { useId, useRef, useState } from 'react';
import {
  CONFIRMED_ACTIONS,
  type ConfirmationFacts,
  TRADING_ACTIONS,
  type TradingAction,
  type TradingActionOutcome,
} from '../../../../common/ipc/trading';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/i18n-context';
import { requestFailureText } from '../../i18n/main-text';
import { useBridge, useDashboard, useStore } from '../../store/use-dashboard';
import { messageOf } from '../settings/use-settings-update';
import { estimatedFacts, freshFacts } from './confirmation-facts';

/** The actions that ask first (CONFIRMED_ACTIONS): they cancel orders. */
type ConfirmedAction = 'stop' | 'cancel-all';

function asksFirst(action: TradingAction): action is ConfirmedAction {
  return CONFIRMED_ACTIONS.includes(action);
}

type Question = {
  action: ConfirmedAction;
  /** Null while main counts the open orders. */
  facts: ConfirmationFacts | null;
};

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
 * many orders they cancel, counted fresh by main when asked (as the tray's question);
 * when main cannot count, `openOrders` (the dashboard's own count; null when it knows
 * nothing) and a word that it could not be confirmed. The result, or the server's reason
 * for refusing, is shown. Check status now reads trading/status at once instead of
 * waiting for the next poll.
 */
export function TradingControls({ openOrders }: { openOrders: number | null }) {
  const { t, tp, fmt } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const status = useDashboard((s) => s.trading.status);
  /** An action main is running, this page's or one started from the tray. */
  const busy = useDashboard((s) => s.trading.busy);
  const sectionRef = useRef<HTMLElement>(null);
  const questionId = useId();
  const [asking, setAsking] = useState<Question | null>(null);
  /** Which question a count answers: one that comes back after its question closed is dropped. */
  const questionSerial = useRef(0);
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
      .catch((error: unknown) => setCheckFailure(requestFailureText(t, messageOf(error))))
      .finally(() => setChecking(false));
  };

  const closeQuestion = () => {
    questionSerial.current++;
    setAsking(null);
  };
  const run = (action: TradingAction) => {
    closeQuestion();
    setRunning(action);
    setOutcome(null);
    setCheckFailure(null);
    bridge.trading
      .act(action, asksFirst(action) ? { confirmed: true } : {})
      .then(setOutcome)
      .catch((error: unknown) =>
        setOutcome({
          action,
          ok: false,
          message: requestFailureText(t, messageOf(error)),
        }),
      )
      .finally(() => setRunning(null));
  };
  const ask = (action: ConfirmedAction) => {
    const serial = ++questionSerial.current;
    setAsking({ action, facts: null });
    void freshFacts(
      () => bridge.trading.confirmationFacts(),
      estimatedFacts(openOrders, status !== null),
    ).then((facts) => {
      if (questionSerial.current === serial) setAsking({ action, facts });
    });
  };
  const choose = (action: TradingAction) => (asksFirst(action) ? ask(action) : run(action));
  const whichOrders = ({ openOrders: count, exact }: ConfirmationFacts) => {
    if (count === null) return t('trading.confirm.everyOrder');
    if (!exact) return t('trading.confirm.aboutOrders', { count: fmt.count(count) });
    return count === 0 ? t('trading.confirm.noneOpen') : tp('trading.confirm.orders', count);
  };
  const statusKnown = asking?.facts ? asking.facts.statusKnown : status !== null;
  // Main runs one action at a time, as the tray's menu does.
  const working = running ?? busy;
  const runningElsewhere = running === null ? busy : null;

  return (
    <section
      className="card trading-controls"
      aria-labelledby="card-trading"
      ref={sectionRef}
      tabIndex={-1}
    >
      <h2 id="card-trading">{t('trading.controls')}</h2>
      <div className="button-row">
        {TRADING_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'stop' || action === 'cancel-all' ? 'danger' : undefined}
            disabled={working !== null || !enabled.has(action)}
            onClick={() => choose(action)}
          >
            {working === action ? t('trading.working') : t(`trading.action.${action}`)}
          </button>
        ))}
        <button type="button" disabled={checking} onClick={checkNow}>
          {checking ? t('trading.working') : t('trading.checkNow')}
        </button>
      </div>
      <p
        role="status"
        className={
          checkFailure || (!runningElsewhere && outcome && !outcome.ok)
            ? 'trading-result error'
            : 'trading-result'
        }
      >
        {checkFailure
          ? t('trading.problem', { message: checkFailure })
          : runningElsewhere
            ? t('trading.busyElsewhere', { action: t(`trading.action.${runningElsewhere}`) })
            : outcome &&
              t(outcome.ok ? 'trading.result.ok' : 'trading.result.failed', {
                action: t(`trading.action.${outcome.action}`),
                message: outcome.message,
              })}
      </p>
      {asking && (
        <Modal
          title={t(`trading.confirm.${asking.action}.title`)}
          closeLabel={t('trading.confirm.back')}
          onClose={closeQuestion}
          returnFocus={sectionRef}
          describedBy={statusKnown ? questionId : `${questionId} ${questionId}-unknown`}
          actions={
            <button
              type="button"
              className="danger"
              disabled={asking.facts === null || working !== null}
              onClick={() => run(asking.action)}
            >
              {t(`trading.action.${asking.action}`)}
            </button>
          }
        >
          {/* One status element: a screen reader hears the count replace "Counting…". */}
          <p role="status" id={questionId}>
            {asking.facts === null
              ? t('trading.confirm.counting')
              : t(`trading.confirm.${asking.action}.body`, { orders: whichOrders(asking.facts) })}
          </p>
          {!statusKnown && <p id={`${questionId}-unknown`}>{t('trading.unknown')}</p>}
        </Modal>
      )}
    </section>
  );
}
