import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { isUuid } from '../../../../common/uuid';
import { useI18n } from '../../i18n/i18n-context';
import { keychainProblemText, keyTestText, requestFailureText } from '../../i18n/main-text';
import { useBridge, useDashboard, useStore } from '../../store/use-dashboard';
import { FeedbackLine } from './FeedbackLine';
import { type Feedback, messageOf } from './use-settings-update';

/**
 * Entering an API key: masked, checked to be a UUID before it goes anywhere, never shown
 * back (only main's masked form). When the keychain cannot be used it says why and
 * offers to keep the key for this session only.
 */
export function ApiKeyForm({
  submitLabel,
  showManagement,
  focusRequest = null,
}: {
  submitLabel: string;
  showManagement: boolean;
  /** Each new value (a navigation request's serial) focuses the key field. */
  focusRequest?: number | null;
}) {
  const { t } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const keyStatus = useDashboard((s) => s.keyStatus);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sessionOnly, setSessionOnly] = useState(true);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const problem = keyStatus?.keychainProblem;
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest !== null) inputRef.current?.focus();
  }, [focusRequest]);

  const run = async (action: () => Promise<Feedback>) => {
    setBusy(true);
    try {
      setFeedback(await action());
    } catch (error) {
      setFeedback({
        text: t('settings.failed', { message: requestFailureText(t, messageOf(error)) }),
        ok: false,
      });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const key = value.trim();
    if (!isUuid(key)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void run(async () => {
      const status = await bridge.key.set(
        key,
        problem && sessionOnly ? { sessionOnly: true } : undefined,
      );
      setValue('');
      store.applyKeyStatus(status);
      return {
        text: t(
          status.storage === 'session' ? 'settings.key.savedSession' : 'settings.key.savedKeychain',
        ),
        ok: true,
      };
    });
  };

  const test = () => {
    const key = value.trim();
    if (key !== '' && !isUuid(key)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void run(async () => {
      const result = await bridge.key.test(key === '' ? undefined : { key });
      return {
        text: t(result.ok ? 'settings.key.testOk' : 'settings.key.testFailed', {
          message: keyTestText(t, result.message),
        }),
        ok: result.ok,
      };
    });
  };

  const clear = () =>
    void run(async () => {
      store.applyKeyStatus(await bridge.key.clear());
      return { text: t('settings.key.cleared'), ok: true };
    });

  return (
    <form className="key-form" onSubmit={save} noValidate>
      {showManagement && (
        <p className="key-status">
          {keyStatus?.set && keyStatus.masked
            ? `${t('settings.key.set', { masked: keyStatus.masked })} (${t(`settings.key.storage.${keyStatus.storage}`)})`
            : t('settings.key.none')}
        </p>
      )}
      {problem && (
        <p className="notice warn">
          {t('settings.key.keychainProblem', { problem: keychainProblemText(t, problem) })}
        </p>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t('settings.key.new')}</label>
        <input
          ref={inputRef}
          id={inputId}
          type="password"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            if (invalid) setInvalid(false);
          }}
          placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
        />
        <p id={hintId} className="hint">
          {t('settings.key.hint')}
        </p>
        {invalid && (
          <p id={errorId} className="error">
            {t('settings.key.invalid')}
          </p>
        )}
      </div>
      {problem && (
        <label className="check">
          <input
            type="checkbox"
            checked={sessionOnly}
            onChange={(e) => setSessionOnly(e.target.checked)}
          />
          <span>{t('settings.key.sessionOnly')}</span>
        </label>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {showManagement && (
          <>
            <button type="button" onClick={test} disabled={busy}>
              {busy ? t('settings.key.testing') : t('settings.key.test')}
            </button>
            <button type="button" onClick={clear} disabled={busy || !keyStatus?.set}>
              {t('settings.key.clear')}
            </button>
          </>
        )}
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
