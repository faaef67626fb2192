/** A status word in a coloured badge; `tone` says how much it matters. */
export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'muted';

export function StatusBadge({ text, tone }: { text: string; tone: Tone }) {
  return <span className={`badge tone-${tone}`}>{text}</span>;
}

export function orderTone(status: unknown): Tone {
  switch (typeof status === 'string' ? status.toUpperCase() : '') {
    case 'FILLED':
      return 'ok';
    case 'PLACED':
      return 'info';
    case 'FAILED':
      return 'danger';
    case 'CANCELLED':
    case 'CANCELED':
    case 'EXPIRED':
      return 'muted';
    default:
      return 'warn';
  }
}
