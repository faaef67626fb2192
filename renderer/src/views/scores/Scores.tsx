import { useMemo } from 'react';
import { finite } from '../../components/text-search';
import { useI18n } from '../../i18n/i18n-context';
import { useDashboard } from '../../store/use-dashboard';
import { newestFirst } from '../orders/order-index';

/** More fixtures than this are not drawn (the list is for live matches, a handful). */
const MAX_ROWS = 300;

/** Fixtures with their score, period and minute; live ones first. */
export function Scores() {
  const { t, tp } = useI18n();
  const scores = useDashboard((s) => s.scores);
  const { rows, hidden } = useMemo(() => {
    const list = newestFirst(scores);
    list.sort((a, b) => Number(b.live === true) - Number(a.live === true));
    return { rows: list.slice(0, MAX_ROWS), hidden: Math.max(0, list.length - MAX_ROWS) };
  }, [scores]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="view-scroll" aria-label={t('scores.label')} tabIndex={0}>
      {rows.length === 0 ? (
        <p className="empty">{t('scores.empty')}</p>
      ) : (
        <table className="table scores">
          <caption className="sr-only">{t('scores.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scores.col.fixture')}</th>
              <th scope="col" className="center">
                {t('scores.col.score')}
              </th>
              <th scope="col">{t('scores.col.period')}</th>
              <th scope="col" className="end">
                {t('scores.col.minute')}
              </th>
              <th scope="col">{t('scores.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((score) => {
              const home = finite(score.scores?.home);
              const away = finite(score.scores?.away);
              const minute = finite(score.currentMinute);
              return (
                <tr key={score.fixtureId}>
                  <th scope="row" className="num">
                    {score.fixtureId}
                  </th>
                  <td className="center score num">
                    {home ?? '–'} : {away ?? '–'}
                  </td>
                  <td>{score.currentPeriod ?? '—'}</td>
                  <td className="end num">
                    {minute === null ? '—' : t('scores.minute', { minute })}
                  </td>
                  <td>
                    {score.live ? (
                      <span className="badge tone-ok">{t('scores.live')}</span>
                    ) : (
                      <span className="badge tone-muted">{t('scores.notLive')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {hidden > 0 && <p className="muted">{tp('scores.more', hidden)}</p>}
    </section>
  );
}
