// What the environment provides for signing and notarizing the macOS build. Pure: reads
// the env object it is given and never prints a secret's value, only variable names.

const APPLE_ID_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
const API_KEY_VARS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

const NOTARIZE_HELP =
  'set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or APPLE_API_KEY (path to the .p8 key), ' +
  'APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE';

const present = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/** Throws when some, but not all, of a credential set's variables are set. */
function requireAll(env, names) {
  const missing = names.filter((name) => !present(env, name));
  if (missing.length > 0) {
    throw new Error(
      `incomplete notarization credentials: ${names.join(', ')} go together; missing ${missing.join(', ')}`,
    );
  }
}

/**
 * Whether electron-builder will sign the macOS app, and from what.
 * Signing needs a certificate given explicitly: CSC_LINK (a .p12 file, path or base64) or
 * CSC_NAME (an identity in the keychain). Keychain auto-discovery only when asked for with
 * CSC_IDENTITY_AUTO_DISCOVERY=true, so that a build does not depend on whichever
 * certificates the building machine happens to hold.
 */
export function macSigningPlan(env) {
  if (present(env, 'CSC_LINK')) return { sign: true, source: 'CSC_LINK' };
  if (present(env, 'CSC_NAME')) return { sign: true, source: 'CSC_NAME' };
  if (env.CSC_IDENTITY_AUTO_DISCOVERY === 'true') return { sign: true, source: 'keychain' };
  return {
    sign: false,
    reason:
      'no CSC_LINK or CSC_NAME (or CSC_IDENTITY_AUTO_DISCOVERY=true to use a Developer ID identity from the keychain)',
  };
}

/**
 * The credentials for @electron/notarize, or why there are none. Same variables as
 * electron-builder's own integration; a partial set is an error, not a silent skip.
 */
export function notarizeCredentials(env) {
  if (APPLE_ID_VARS.some((name) => present(env, name))) {
    requireAll(env, APPLE_ID_VARS);
    return {
      kind: 'apple-id',
      credentials: {
        appleId: env.APPLE_ID,
        appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD,
        teamId: env.APPLE_TEAM_ID,
      },
    };
  }
  if (API_KEY_VARS.some((name) => present(env, name))) {
    requireAll(env, API_KEY_VARS);
    return {
      kind: 'api-key',
      credentials: {
        appleApiKey: env.APPLE_API_KEY,
        appleApiKeyId: env.APPLE_API_KEY_ID,
        appleApiIssuer: env.APPLE_API_ISSUER,
      },
    };
  }
  if (present(env, 'APPLE_KEYCHAIN_PROFILE')) {
    return {
      kind: 'keychain-profile',
      credentials: {
        keychainProfile: env.APPLE_KEYCHAIN_PROFILE,
        ...(present(env, 'APPLE_KEYCHAIN') ? { keychain: env.APPLE_KEYCHAIN } : {}),
      },
    };
  }
  return { kind: 'none', reason: `no notarization credentials: ${NOTARIZE_HELP}` };
}
