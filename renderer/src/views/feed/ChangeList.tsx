import { useI18n } from '../../i18n/i18n-context';
import { type FieldChange, formatValue } from './event-text';

/** An UPDATE's changes on one line: "matchedStake 0 → 12.5 · orderStatus PLACED → FILLED". */
export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  const { fmt } = useI18n();
  return (
    <span className="changes">
      {changes.map((change) => (
        <span className="change" key={change.field}>
          {change.field} {formatValue(change.from, fmt, false, change.field)} →{' '}
          <b>{formatValue(change.to, fmt, false, change.field)}</b>{' '}
        </span>
      ))}
    </span>
  );
}
