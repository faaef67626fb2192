import { useEffect, useSyncExternalStore } from 'react';
import type { Settings } from '../../../common/settings/schema';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** The theme in force (the setting, or the OS's when 'system'), applied to <html>. */
export function useTheme(setting: Settings['theme'] | undefined): Theme {
  const osDark = useSyncExternalStore(subscribe, () => darkQuery()?.matches ?? false);
  const theme: Theme =
    setting === 'light' || setting === 'dark' ? setting : osDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
