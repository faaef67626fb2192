const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{8}([0-9a-f]{4})/gi;

/** Masks anything shaped like an API key, leaving its last four characters. */
export function redactSecrets(text: string): string {
  return text.replace(UUID_ANYWHERE, (_match, tail: string) => `••••-${tail}`);
}
