import type { Feedback } from './use-settings-update';

/** What the last action in a section did; a polite live region. */
export function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  return (
    <p
      role="status"
      className={feedback ? (feedback.ok ? 'feedback ok' : 'feedback bad') : 'feedback'}
    >
      {feedback?.text}
    </p>
  );
}
