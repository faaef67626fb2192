import { useI18n } from '../../i18n/i18n-context';
import { changedValueText, type FieldChange } from './event-text';

/** An UPDATE's changes on one line: "matchedStake 0 → 12.5 · orderStatus PLACED → FILLED". */
export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  const { t, fmt } = useI18n();
  return (
    <span className="changes">
      {changes.map((change) => (
        <span className="change" key={change.field}>
          {change.field} {changedValueText(change.from, change.field, t, fmt)} →{' '}
          <b>{changedValueText(change.to, change.field, t, fmt)}</b>{' '}
        </span>
      ))}
    </span>
  );
}
