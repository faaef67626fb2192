const UUID_ANYWHERE = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi;
const KEY_ASSIGNMENT = /(api[_-]?key["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi;

/**
 * Removes anything that may be an API key from text meant for people, logs or
 * notifications: the value of any `apiKey=`/`"api_key":`, and every UUID-shaped string.
 */
export function redactSecrets(text: string): string {
  return text.replace(KEY_ASSIGNMENT, '$1[redacted]').replace(UUID_ANYWHERE, '[redacted]');
}
