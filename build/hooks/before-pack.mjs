// electron-builder beforePack hook: before each macOS build, says whether the app will be
// signed and notarized, and fails early on half-set notarization credentials rather than
// after a long build. Without signing credentials it turns keychain auto-discovery off, so
// electron-builder skips signing whatever the keychain holds (and after-sign.mjs, seeing
// the same environment, skips notarization).
import { macSigningPlan, notarizeCredentials } from './signing-env.mjs';

const defaultLog = (message) => console.log(`  • ${message}`);

export default async function beforePack(context, { env = process.env, log = defaultLog } = {}) {
  if (context.electronPlatformName !== 'darwin') return;
  const signing = macSigningPlan(env);
  const notarization = notarizeCredentials(env);
  if (!signing.sign) {
    env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    log(
      `macOS code signing skipped: ${signing.reason}. Notarization needs a signed app, so it is skipped too. ` +
        'The app runs on this Mac; Gatekeeper refuses it on others.',
    );
    return;
  }
  log(`macOS code signing: on (${signing.source}), hardened runtime, build/entitlements.mac.plist`);
  if (notarization.kind === 'none') {
    log(`macOS notarization will be skipped: ${notarization.reason}`);
  } else {
    log(`macOS notarization: on (${notarization.kind})`);
  }
}
