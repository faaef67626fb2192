/**
 * Where the stored API key would go after a settings change, when that is a server it
 * does not go to now: a change of scheme, host or port, made while a key is stored,
 * needs the user's say (the feed reconnects with the stored key at once). Null when the
 * change needs no consent: no key stored, the endpoint left alone, or only its path or
 * spelling changed.
 */
export function endpointNeedingConsent(
  currentEndpoint: string,
  patch: { endpoint?: string | undefined },
  keyStored: boolean,
): URL | null {
  if (!keyStored || patch.endpoint === undefined) return null;
  const next = parseUrl(patch.endpoint);
  // Unparseable: the settings schema refuses it anyway; asking about it would not help.
  if (next === null) return null;
  const current = parseUrl(currentEndpoint);
  return current !== null && current.origin === next.origin ? null : next;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
