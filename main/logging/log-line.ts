import { inspect } from 'node:util';
import { redactSecrets } from '../../common/redact';
import type { LogLevel } from './logger';

/**
 * One log entry as text: `2026-11-27T10:00:00.000Z [warn] (feed) message details`, ending
 * in a newline, with every UUID-shaped string and `apiKey=` value redacted. Errors keep
 * their stack (continuation lines); objects are shown compactly.
 */
export function formatLogLine(
  level: LogLevel,
  at: Date,
  scope: string | undefined,
  message: string,
  details: readonly unknown[],
): string {
  const parts = [message, ...details.map(describe)];
  const prefix = `${at.toISOString()} [${level}]${scope ? ` (${scope})` : ''}`;
  return `${redactSecrets(`${prefix} ${parts.join(' ')}`)}\n`;
}

function describe(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: Number.POSITIVE_INFINITY, colors: false });
}
