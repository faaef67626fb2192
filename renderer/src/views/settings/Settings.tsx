import { type FormEvent, useId, useState } from 'react';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../../common/domain/notifications';
import type { Assignable, Expect } from '../../../../common/ipc/type-checks';
import { CHANNELS, type Channel } from '../../../../common/protocol/channels';
import type { Settings as SettingsValue } from '../../../../common/settings/schema';
import { useNow } from '../../app/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { osLocales, resolveLanguage } from '../../i18n/locale';
import { requestFailureText } from '../../i18n/main-text';
import { useBridge, useDashboard, useStore } from '../../store/use-dashboard';
import { ApiKeyForm } from './ApiKeyForm';
import { FeedbackLine } from './FeedbackLine';
import { messageOf, useSettingsUpdate } from './use-settings-update';
import { useShownValue } from './use-shown-value';

// Not imported from the schema module: it would bring zod into the page. The checks
// below stop compiling if the schema gains a choice these lists lack.
const LANGUAGES = ['system', 'en', 'zh-CN'] as const satisfies SettingsValue['language'][];
const THEMES = ['system', 'light', 'dark'] as const satisfies SettingsValue['theme'][];
type _AllLanguages = Expect<Assignable<SettingsValue['language'], (typeof LANGUAGES)[number]>>;
type _AllThemes = Expect<Assignable<SettingsValue['theme'], (typeof THEMES)[number]>>;
const ALWAYS_ON: readonly NotificationKind[] = ['emergency', 'emergency-cleared'];
const QUIET_CHOICES = [
  { key: 'settings.quiet.15m', ms: 15 * 60_000 },
  { key: 'settings.quiet.1h', ms: 60 * 60_000 },
  { key: 'settings.quiet.4h', ms: 4 * 60 * 60_000 },
] as const;

/**
 * Everything the user can set; each change goes to main, which checks and stores it.
 * `focusKey` (a navigation request's serial) puts the cursor in the API key field.
 */
export function Settings({ focusKey = null }: { focusKey?: number | null }) {
  const { t } = useI18n();
  const settings = useDashboard((s) => s.settings);
  if (!settings) return null;
  return (
    <div className="view-scroll settings">
      <section className="panel" aria-labelledby="settings-key">
        <h2 id="settings-key">{t('settings.key.title')}</h2>
        <ApiKeyForm submitLabel={t('settings.key.save')} showManagement focusRequest={focusKey} />
      </section>
      <ConnectionSettings settings={settings} />
      <NotificationSettings settings={settings} />
      <GeneralSettings settings={settings} />
    </div>
  );
}

function ConnectionSettings({ settings }: { settings: SettingsValue }) {
  const { t } = useI18n();
  const { update, feedback, setFeedback } = useSettingsUpdate();
  // A change main declined goes back to what is stored, as the other controls do.
  const [endpoint, setEndpoint] = useShownValue(settings.endpoint, settings);
  const [grace, setGrace] = useShownValue(String(settings.hedgeGraceSeconds), settings);
  const endpointId = useId();
  const graceId = useId();

  const saveEndpoint = (event: FormEvent) => {
    event.preventDefault();
    const value = endpoint.trim();
    if (!/^wss?:\/\/\S+$/i.test(value) || !URL.canParse(value)) {
      setFeedback({ text: t('settings.endpointInvalid'), ok: false });
      return;
    }
    void update({ endpoint: value });
  };
  const saveGrace = (event: FormEvent) => {
    event.preventDefault();
    const seconds = Number(grace);
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
      setFeedback({ text: t('settings.hedgeGraceInvalid'), ok: false });
      return;
    }
    void update({ hedgeGraceSeconds: seconds });
  };
  const [channels, setChannels] = useShownValue(settings.channels, settings);
  const toggleChannel = (channel: Channel, on: boolean) => {
    const next = CHANNELS.filter((c) => (c === channel ? on : channels.includes(c)));
    if (next.length === 0) return;
    setChannels(next);
    void update({ channels: next });
  };

  return (
    <section className="panel" aria-labelledby="settings-connection">
      <h2 id="settings-connection">{t('settings.connection.title')}</h2>
      <form className="field" onSubmit={saveEndpoint} noValidate>
        <label htmlFor={endpointId}>{t('settings.endpoint')}</label>
        <div className="row">
          <input
            id={endpointId}
            type="url"
            className="mono grow"
            value={endpoint}
            spellCheck={false}
            onChange={(e) => setEndpoint(e.target.value)}
            aria-describedby={`${endpointId}-hint`}
          />
          <button type="submit">{t('settings.save')}</button>
        </div>
        <p id={`${endpointId}-hint`} className="hint">
          {t('settings.endpointHint')}
        </p>
      </form>
      <fieldset>
        <legend>{t('settings.channels')}</legend>
        <div className="checks">
          {CHANNELS.map((channel) => {
            const checked = channels.includes(channel);
            return (
              <label className="check" key={channel}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={checked && channels.length === 1}
                  onChange={(e) => toggleChannel(channel, e.target.checked)}
                />
                <span>{t(`channel.${channel}`)}</span>
              </label>
            );
          })}
        </div>
        <p className="hint">{t('settings.channelsHint')}</p>
      </fieldset>
      <form className="field" onSubmit={saveGrace} noValidate>
        <label htmlFor={graceId}>{t('settings.hedgeGrace')}</label>
        <div className="row">
          <input
            id={graceId}
            type="number"
            min={1}
            max={600}
            className="short"
            value={grace}
            onChange={(e) => setGrace(e.target.value)}
            aria-describedby={`${graceId}-hint`}
          />
          <button type="submit">{t('settings.save')}</button>
        </div>
        <p id={`${graceId}-hint`} className="hint">
          {t('settings.hedgeGraceHint')}
        </p>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  );
}

function NotificationSettings({ settings }: { settings: SettingsValue }) {
  const { t, fmt } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const quietUntil = useDashboard((s) => s.quietUntil);
  const { update, feedback, setFeedback } = useSettingsUpdate();
  const [quietFor, setQuietFor] = useState<number>(QUIET_CHOICES[1].ms);
  const now = useNow(10_000);
  const quietId = useId();
  const [kinds, setKinds] = useShownValue(settings.notifications.enabledKinds, settings);
  const enabled = new Set(kinds);
  const quiet = quietUntil !== null && quietUntil > now;

  const toggleKind = (kind: NotificationKind, on: boolean) => {
    const enabledKinds = NOTIFICATION_KINDS.filter((k) => (k === kind ? on : enabled.has(k)));
    setKinds(enabledKinds);
    void update({ notifications: { enabledKinds } });
  };
  const pause = async (until: number | null) => {
    try {
      await bridge.notifications.pause(until);
      store.applyQuietUntil(until);
      setFeedback({ text: t('settings.saved'), ok: true });
    } catch (error) {
      setFeedback({
        text: t('settings.failed', { message: requestFailureText(t, messageOf(error)) }),
        ok: false,
      });
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-notifications">
      <h2 id="settings-notifications">{t('settings.notifications.title')}</h2>
      <fieldset>
        <legend>{t('settings.notifications.kinds')}</legend>
        <div className="checks">
          {NOTIFICATION_KINDS.map((kind) => {
            const always = ALWAYS_ON.includes(kind);
            return (
              <label className="check" key={kind}>
                <input
                  type="checkbox"
                  checked={always || enabled.has(kind)}
                  disabled={always}
                  onChange={(e) => toggleKind(kind, e.target.checked)}
                />
                <span>{t(`kind.${kind}`)}</span>
              </label>
            );
          })}
        </div>
        <p className="hint">{t('settings.notifications.emergencyAlways')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('settings.quiet')}</legend>
        <p>
          {quiet
            ? t('settings.quiet.on', { time: fmt.when(quietUntil, now) })
            : t('settings.quiet.off')}
        </p>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={quietId}>{t('settings.quiet.for')}</label>
            <select
              id={quietId}
              value={quietFor}
              onChange={(e) => setQuietFor(Number(e.target.value))}
            >
              {QUIET_CHOICES.map((choice) => (
                <option key={choice.ms} value={choice.ms}>
                  {t(choice.key)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => void pause(Date.now() + quietFor)}>
            {t('settings.quiet.pause')}
          </button>
          {quiet && (
            <button type="button" onClick={() => void pause(null)}>
              {t('settings.quiet.resume')}
            </button>
          )}
        </div>
      </fieldset>
      <FeedbackLine feedback={feedback} />
    </section>
  );
}

function GeneralSettings({ settings }: { settings: SettingsValue }) {
  const { t } = useI18n();
  const bridge = useBridge();
  const demo = useDashboard((s) => s.demo);
  const { update, feedback, setFeedback } = useSettingsUpdate();
  const languageId = useId();
  const themeId = useId();
  const systemLanguage = t(`settings.language.${resolveLanguage('system', osLocales())}`);
  const [startAtLogin, setStartAtLogin] = useShownValue(settings.startAtLogin, settings);
  const [language, setLanguage] = useShownValue(settings.language, settings);
  const [theme, setTheme] = useShownValue(settings.theme, settings);

  const setDemo = async (enabled: boolean) => {
    try {
      await bridge.demo.set(enabled);
      setFeedback({ text: t(enabled ? 'settings.demo.on' : 'settings.demo.off'), ok: true });
    } catch (error) {
      setFeedback({
        text: t('settings.failed', { message: requestFailureText(t, messageOf(error)) }),
        ok: false,
      });
    }
  };

  const openLogs = async () => {
    try {
      await bridge.logs.openFolder();
    } catch (error) {
      setFeedback({
        text: t('settings.logsFailed', { message: requestFailureText(t, messageOf(error)) }),
        ok: false,
      });
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-general">
      <h2 id="settings-general">{t('settings.general.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={startAtLogin}
          onChange={(e) => {
            setStartAtLogin(e.target.checked);
            void update({ startAtLogin: e.target.checked });
          }}
        />
        <span>{t('settings.startAtLogin')}</span>
      </label>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={languageId}>{t('settings.language')}</label>
          <select
            id={languageId}
            value={language}
            onChange={(e) => {
              const next = e.target.value as SettingsValue['language'];
              setLanguage(next);
              void update({ language: next });
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'system'
                  ? t('settings.language.system', { language: systemLanguage })
                  : t(`settings.language.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={themeId}>{t('settings.theme')}</label>
          <select
            id={themeId}
            value={theme}
            onChange={(e) => {
              const next = e.target.value as SettingsValue['theme'];
              setTheme(next);
              void update({ theme: next });
            }}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.theme.${theme}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t('settings.demo')}</legend>
        <p>
          {t(demo ? 'settings.demo.on' : 'settings.demo.off')}{' '}
          <span className="hint">{t('settings.demoHint')}</span>
        </p>
        <button type="button" onClick={() => void setDemo(!demo)}>
          {t(demo ? 'settings.demo.disable' : 'settings.demo.enable')}
        </button>
      </fieldset>
      <div className="buttons">
        <button type="button" onClick={() => void openLogs()}>
          {t('settings.logs')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </section>
  );
}
