import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../../../common/settings/schema';
import { useI18n } from '../../i18n/i18n-context';
import { requestFailureText } from '../../i18n/main-text';
import { useBridge, useStore } from '../../store/use-dashboard';

export interface Feedback {
  text: string;
  ok: boolean;
}

/** Sends a settings change to main and says how it went; the answer updates the store. */
export function useSettingsUpdate() {
  const { t } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const update = useCallback(
    async (patch: SettingsPatch): Promise<boolean> => {
      try {
        store.applySettings(await bridge.settings.update(patch));
        setFeedback({ text: t('settings.saved'), ok: true });
        return true;
      } catch (error) {
        setFeedback({
          text: t('settings.failed', { message: requestFailureText(t, messageOf(error)) }),
          ok: false,
        });
        // Controls showing the change go back to what is stored.
        const stored = store.getState().settings;
        if (stored) store.applySettings({ ...stored });
        return false;
      }
    },
    [bridge, store, t],
  );
  return { update, feedback, setFeedback };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
