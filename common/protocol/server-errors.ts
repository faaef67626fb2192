/**
 * The server's documented error texts, matched without regard to case or to the
 * snake_case spellings it used before April 2026 (`api_key required`).
 */
export type ServerErrorKind =
  | 'api-key-required'
  | 'invalid-key-format'
  | 'invalid-key'
  | 'connection-limit'
  | 'other';

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

const PATTERNS: [string, ServerErrorKind][] = [
  ['apikeyrequired', 'api-key-required'],
  ['invalidapikeyformat', 'invalid-key-format'],
  ['invalidapikey', 'invalid-key'],
  ['connectionlimitexceeded', 'connection-limit'],
];

export function classifyServerError(text: string): ServerErrorKind {
  const key = normalise(text);
  for (const [pattern, kind] of PATTERNS) if (key.includes(pattern)) return kind;
  return 'other';
}

/** Errors that no retry can fix: the key itself is refused. */
export function isAuthError(kind: ServerErrorKind): boolean {
  return kind === 'api-key-required' || kind === 'invalid-key-format' || kind === 'invalid-key';
}
