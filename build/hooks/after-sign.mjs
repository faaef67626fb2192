// electron-builder afterSign hook: notarizes (and staples) the signed macOS app before
// electron-builder wraps it into the dmg and zip. For macOS builds electron-builder calls
// it whether or not it signed, so the hook checks the signing plan first and then the
// app's actual signature (the environment can ask for signing that did not happen);
// without a signature or notarization credentials it says why it skips and the build
// goes on.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readCodeSignature } from './code-signature.mjs';
import { macSigningPlan, notarizeCredentials } from './signing-env.mjs';

const defaultLog = (message) => console.log(`  • ${message}`);

/** @electron/notarize as electron-builder itself resolves it (it is its dependency). */
export async function loadNotarize() {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  return fromLib('@electron/notarize').notarize;
}

export default async function afterSign(
  context,
  { env = process.env, log = defaultLog, notarize, codeSignature = readCodeSignature } = {},
) {
  if (context.electronPlatformName !== 'darwin') return;
  const signing = macSigningPlan(env);
  if (!signing.sign) {
    log(`macOS notarization skipped: the app is not signed (${signing.reason})`);
    return;
  }
  const notarization = notarizeCredentials(env);
  if (notarization.kind === 'none') {
    log(`macOS notarization skipped: ${notarization.reason}`);
    return;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  const signature = await codeSignature(appPath);
  if (!signature.signed) {
    log(
      `macOS notarization skipped: ${appPath} has no Developer ID signature (${signature.reason}). ` +
        'electron-builder goes on unsigned when it finds no usable identity; its log above says why',
    );
    return;
  }
  log(`macOS notarization: ${appPath} is signed by ${signature.authority}`);
  log(`macOS notarization: submitting ${appPath} (${notarization.kind}); this takes minutes`);
  const submit = notarize ?? (await loadNotarize());
  await submit({ appPath, ...notarization.credentials });
  log('macOS notarization: accepted and stapled');
}
