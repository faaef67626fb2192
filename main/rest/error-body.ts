import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { redactSecrets } from '../../common/redact';
import type { ValidationIssue } from './rest-errors';

const validationIssueSchema = z.looseObject({
  loc: z.array(z.union([z.string(), z.number()])).catch([]),
  msg: z.string().catch('invalid'),
  type: z.string().catch(''),
});

const detailBodySchema = z.looseObject({ detail: z.unknown() });

export interface ErrorBody {
  /** The server's text for a person: `detail` when it is a string, else a summary. */
  detail: string;
  /** The 422 list, when the detail was one. */
  issues: ValidationIssue[];
}

/** `["query", "pageSize"]` → `pageSize`; the `body`/`query`/`path` prefix says little to a reader. */
function where(loc: (string | number)[]): string {
  const parts = loc[0] === 'query' || loc[0] === 'path' || loc[0] === 'body' ? loc.slice(1) : loc;
  return parts.join('.');
}

export function summariseIssues(issues: ValidationIssue[], limit = 3): string {
  if (issues.length === 0) return 'no details given';
  const shown = issues.slice(0, limit).map((i) => {
    const at = where(i.loc);
    return at ? `${at}: ${i.msg}` : i.msg;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Redacted before it is cut: a key cut in two would otherwise leave its first half. */
function clip(text: string, max = 300): string {
  const redacted = redactSecrets(text);
  return redacted.length > max ? `${redacted.slice(0, max)}…` : redacted;
}

/**
 * Reads an error answer: `{"detail": "..."}`, `{"detail": [{loc, msg, type}]}` (422), or
 * anything else (a proxy's HTML page), falling back to the status text. Anything that
 * looks like a key is redacted, in case the server echoes it.
 */
export function readErrorBody(
  json: unknown,
  text: string,
  status: number,
  statusText: string,
): ErrorBody {
  const { detail, issues } = readDetail(json, text, statusText || STATUS_CODES[status] || '');
  return {
    detail: redactSecrets(detail),
    issues: issues.map((i) => ({ ...i, msg: redactSecrets(i.msg) })),
  };
}

function readDetail(json: unknown, text: string, statusText: string): ErrorBody {
  const parsed = detailBodySchema.safeParse(json);
  if (parsed.success) {
    const { detail } = parsed.data;
    if (typeof detail === 'string' && detail.trim() !== '') return { detail, issues: [] };
    if (Array.isArray(detail)) {
      const issues = detail.flatMap((entry) => {
        const issue = validationIssueSchema.safeParse(entry);
        return issue.success ? [issue.data] : [];
      });
      return { detail: summariseIssues(issues), issues };
    }
    if (detail !== undefined && detail !== null) {
      return { detail: clip(JSON.stringify(detail)), issues: [] };
    }
  }
  const body = text.trim();
  if (body !== '' && !body.startsWith('<')) return { detail: clip(body), issues: [] };
  return { detail: statusText || 'no details given', issues: [] };
}
