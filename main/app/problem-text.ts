import { redactSecrets } from '../../common/redact';

/** What a failed REST call shows the trader: the server's detail if any, secrets redacted. */
export function problemText(error: unknown): string {
  const detail = (error as { detail?: unknown }).detail;
  const text = typeof detail === 'string' && detail ? detail : (error as Error)?.message;
  return redactSecrets(text || String(error));
}
