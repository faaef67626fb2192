// Whether the built macOS app really carries a Developer ID signature, as codesign reports
// it. Notarization accepts nothing else, and electron-builder calls afterSign even when it
// skipped signing (e.g. CSC_IDENTITY_AUTO_DISCOVERY=true and no identity in the keychain).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const field = (details, name) =>
  details
    .split('\n')
    .filter((line) => line.startsWith(`${name}=`))
    .map((line) => line.slice(name.length + 1).trim());

/** Reads `codesign -dv --verbose=2` output (it writes the details to stderr). */
export function developerIdSignature(details) {
  if (/code object is not signed at all/.test(details)) {
    return { signed: false, reason: 'it is not signed at all' };
  }
  if (field(details, 'Signature').includes('adhoc')) {
    return { signed: false, reason: 'it has only an ad-hoc signature' };
  }
  const authorities = field(details, 'Authority');
  const [teamId] = field(details, 'TeamIdentifier');
  const authority = authorities.find((name) => name.startsWith('Developer ID Application:'));
  if (!authority || !teamId || teamId === 'not set') {
    const by = authorities[0] ? `it is signed by ${authorities[0]}` : 'codesign shows no signer';
    return { signed: false, reason: `${by}, not a Developer ID Application certificate` };
  }
  return { signed: true, authority, teamId };
}

/** Runs codesign on the app bundle. */
export async function readCodeSignature(appPath) {
  try {
    const { stdout, stderr } = await promisify(execFile)('codesign', [
      '-dv',
      '--verbose=2',
      appPath,
    ]);
    return developerIdSignature(`${stderr}\n${stdout}`);
  } catch (error) {
    const output = `${error.stderr ?? ''}\n${error.stdout ?? ''}`;
    if (output.trim()) return developerIdSignature(output);
    return { signed: false, reason: `codesign could not check it (${error.message})` };
  }
}
