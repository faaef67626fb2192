export type CodeSignature =
  | { signed: true; authority: string; teamId: string }
  | { signed: false; reason: string };

/** Reads `codesign -dv --verbose=2` output. */
export function developerIdSignature(details: string): CodeSignature;

/** Runs `codesign -dv --verbose=2` on the app bundle. */
export function readCodeSignature(appPath: string): Promise<CodeSignature>;
