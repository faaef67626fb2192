const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The last group of a key, for showing which key is set without revealing it. */
export function maskKey(key: string): string {
  return `••••-${key.slice(-4)}`;
}
