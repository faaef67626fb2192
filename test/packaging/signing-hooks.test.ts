import type { NotarizeOptionsNotaryTool } from '@electron/notarize/lib/types';
import { describe, expect, it, vi } from 'vitest';
import afterSign, { type AfterSignContext, loadNotarize } from '../../build/hooks/after-sign.mjs';
import beforePack from '../../build/hooks/before-pack.mjs';
import {
  type CodeSignature,
  developerIdSignature,
  readCodeSignature,
} from '../../build/hooks/code-signature.mjs';
import { macSigningPlan, notarizeCredentials } from '../../build/hooks/signing-env.mjs';

const APPLE_ID = {
  APPLE_ID: 'release@example.com',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'TEAM123456',
};
const SIGNING = { CSC_LINK: '/secrets/developer-id.p12' };
const API_KEY = {
  APPLE_API_KEY: '/secrets/AuthKey_T9GPZ92M7K.p8',
  APPLE_API_KEY_ID: 'T9GPZ92M7K',
  APPLE_API_ISSUER: 'c055ca8c-e5a8-4836-b61d-aa5794eeb3f4',
};

function macContext(platform = 'darwin'): AfterSignContext {
  return {
    electronPlatformName: platform,
    appOutDir: '/build/dist/mac-arm64',
    packager: { appInfo: { productFilename: 'MM Tray' } },
  };
}

const APP_PATH = '/build/dist/mac-arm64/MM Tray.app';

/** What `codesign -dv --verbose=2` prints (to stderr) for a Developer ID signed app. */
const DEVELOPER_ID_DETAILS = [
  `Executable=${APP_PATH}/Contents/MacOS/MM Tray`,
  'Identifier=com.fiftyfive.mmtray',
  'Format=app bundle with Mach-O thin (arm64)',
  'CodeDirectory v=20500 size=1234 flags=0x10000(runtime) hashes=27+7 location=embedded',
  'Signature size=9041',
  'Authority=Developer ID Application: 55 Tech (TEAM123456)',
  'Authority=Developer ID Certification Authority',
  'Authority=Apple Root CA',
  'Timestamp=1 Jun 2025 at 10:00:00',
  'TeamIdentifier=TEAM123456',
  'Runtime Version=15.0.0',
].join('\n');

const DEVELOPER_ID: CodeSignature = {
  signed: true,
  authority: 'Developer ID Application: 55 Tech (TEAM123456)',
  teamId: 'TEAM123456',
};
const developerIdSigned = async () => DEVELOPER_ID;

function recorder() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

describe('the signing plan', () => {
  it('signs with a certificate from CSC_LINK or an identity named by CSC_NAME', () => {
    expect(macSigningPlan({ CSC_LINK: '/secrets/developer-id.p12' })).toEqual({
      sign: true,
      source: 'CSC_LINK',
    });
    expect(macSigningPlan({ CSC_NAME: 'Example Ltd (TEAM123456)' })).toEqual({
      sign: true,
      source: 'CSC_NAME',
    });
  });

  it('uses the keychain only when asked to', () => {
    expect(macSigningPlan({ CSC_IDENTITY_AUTO_DISCOVERY: 'true' })).toEqual({
      sign: true,
      source: 'keychain',
    });
    expect(macSigningPlan({})).toMatchObject({ sign: false });
    expect(macSigningPlan({ CSC_LINK: '  ' })).toMatchObject({ sign: false });
  });
});

describe('notarization credentials', () => {
  it('takes an Apple ID with an app-specific password and team', () => {
    expect(notarizeCredentials(APPLE_ID)).toEqual({
      kind: 'apple-id',
      credentials: {
        appleId: APPLE_ID.APPLE_ID,
        appleIdPassword: APPLE_ID.APPLE_APP_SPECIFIC_PASSWORD,
        teamId: APPLE_ID.APPLE_TEAM_ID,
      },
    });
  });

  it('takes an App Store Connect API key', () => {
    expect(notarizeCredentials(API_KEY)).toEqual({
      kind: 'api-key',
      credentials: {
        appleApiKey: API_KEY.APPLE_API_KEY,
        appleApiKeyId: API_KEY.APPLE_API_KEY_ID,
        appleApiIssuer: API_KEY.APPLE_API_ISSUER,
      },
    });
  });

  it('takes a notarytool keychain profile', () => {
    expect(notarizeCredentials({ APPLE_KEYCHAIN_PROFILE: 'mm-tray' })).toEqual({
      kind: 'keychain-profile',
      credentials: { keychainProfile: 'mm-tray' },
    });
  });

  it('has none, and says which variables to set, when nothing is set', () => {
    const result = notarizeCredentials({});
    expect(result.kind).toBe('none');
    if (result.kind === 'none') {
      expect(result.reason).toContain('APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID');
      expect(result.reason).toContain('APPLE_API_KEY');
    }
  });

  it('refuses a half-set credential, naming the missing variables and no values', () => {
    const partial = { APPLE_ID: APPLE_ID.APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD: 'secret-pw' };
    expect(() => notarizeCredentials(partial)).toThrow(/missing APPLE_TEAM_ID/);
    expect(() => notarizeCredentials(partial)).not.toThrow(/secret-pw/);
    expect(() => notarizeCredentials({ APPLE_API_KEY_ID: 'T9GPZ92M7K' })).toThrow(
      /missing APPLE_API_KEY, APPLE_API_ISSUER/,
    );
  });
});

describe('the beforePack hook', () => {
  it('skips signing with a message, and keeps electron-builder off the keychain, without credentials', async () => {
    const env: Record<string, string | undefined> = {};
    const { lines, log } = recorder();
    await beforePack({ electronPlatformName: 'darwin' }, { env, log });
    expect(env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^macOS code signing skipped: no CSC_LINK or CSC_NAME/);
    expect(lines[0]).toContain('Notarization needs a signed app, so it is skipped too');
  });

  it('announces signing and notarization when both have credentials', async () => {
    const env = { ...SIGNING, ...API_KEY };
    const { lines, log } = recorder();
    await beforePack({ electronPlatformName: 'darwin' }, { env, log });
    expect(lines).toEqual([
      'macOS code signing: on (CSC_LINK), hardened runtime, build/entitlements.mac.plist',
      'macOS notarization: on (api-key)',
    ]);
    expect(lines.join('\n')).not.toContain(API_KEY.APPLE_API_KEY);
  });

  it('warns that a signed app will not be notarized without notarization credentials', async () => {
    const { lines, log } = recorder();
    await beforePack({ electronPlatformName: 'darwin' }, { env: { CSC_NAME: 'Example' }, log });
    expect(lines[1]).toMatch(/^macOS notarization will be skipped: no notarization credentials/);
  });

  it('stops the build before packaging when notarization credentials are half set', async () => {
    const env = { ...SIGNING, APPLE_ID: APPLE_ID.APPLE_ID };
    await expect(
      beforePack({ electronPlatformName: 'darwin' }, { env, log: () => {} }),
    ).rejects.toThrow(/incomplete notarization credentials/);
  });

  it('does nothing for Windows and Linux builds', async () => {
    for (const platform of ['win32', 'linux']) {
      const env: Record<string, string | undefined> = {};
      const { lines, log } = recorder();
      await beforePack({ electronPlatformName: platform }, { env, log });
      expect(lines).toEqual([]);
      expect(env).toEqual({});
    }
  });
});

describe('the afterSign hook', () => {
  it('skips notarization with a message when there are no notarization credentials', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>();
    const { lines, log } = recorder();
    await afterSign(macContext(), { env: SIGNING, log, notarize });
    expect(notarize).not.toHaveBeenCalled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^macOS notarization skipped: no notarization credentials: set APPLE_ID/,
    );
  });

  it('skips notarization with a message when the app was not signed', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>();
    const { lines, log } = recorder();
    await afterSign(macContext(), { env: APPLE_ID, log, notarize });
    expect(notarize).not.toHaveBeenCalled();
    expect(lines).toEqual([
      expect.stringMatching(/^macOS notarization skipped: the app is not signed \(no CSC_LINK/),
    ]);
  });

  it('notarizes the signed app bundle with an Apple ID', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>(async () => {});
    const { lines, log } = recorder();
    await afterSign(macContext(), {
      env: { ...SIGNING, ...APPLE_ID },
      log,
      notarize,
      codeSignature: developerIdSigned,
    });
    expect(notarize).toHaveBeenCalledTimes(1);
    expect(notarize).toHaveBeenCalledWith({
      appPath: '/build/dist/mac-arm64/MM Tray.app',
      appleId: APPLE_ID.APPLE_ID,
      appleIdPassword: APPLE_ID.APPLE_APP_SPECIFIC_PASSWORD,
      teamId: APPLE_ID.APPLE_TEAM_ID,
    });
    expect(lines.at(-1)).toBe('macOS notarization: accepted and stapled');
    expect(lines.join('\n')).not.toContain(APPLE_ID.APPLE_APP_SPECIFIC_PASSWORD);
  });

  it('notarizes with an App Store Connect API key', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>(async () => {});
    await afterSign(macContext(), {
      env: { ...SIGNING, ...API_KEY },
      log: () => {},
      notarize,
      codeSignature: developerIdSigned,
    });
    expect(notarize).toHaveBeenCalledWith({
      appPath: '/build/dist/mac-arm64/MM Tray.app',
      appleApiKey: API_KEY.APPLE_API_KEY,
      appleApiKeyId: API_KEY.APPLE_API_KEY_ID,
      appleApiIssuer: API_KEY.APPLE_API_ISSUER,
    });
  });

  it('fails the build when Apple rejects the app', async () => {
    const notarize = vi.fn(async () => {
      throw new Error('Notarization failed: status Invalid');
    });
    await expect(
      afterSign(macContext(), {
        env: { ...SIGNING, ...APPLE_ID },
        log: () => {},
        notarize,
        codeSignature: developerIdSigned,
      }),
    ).rejects.toThrow('status Invalid');
  });

  it('checks the app bundle’s own signature before notarizing', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>(async () => {});
    const codeSignature = vi.fn(developerIdSigned);
    const { lines, log } = recorder();
    await afterSign(macContext(), {
      env: { ...SIGNING, ...APPLE_ID },
      log,
      notarize,
      codeSignature,
    });
    expect(codeSignature).toHaveBeenCalledWith(APP_PATH);
    expect(lines[0]).toBe(
      `macOS notarization: ${APP_PATH} is signed by Developer ID Application: 55 Tech (TEAM123456)`,
    );
  });

  it('skips notarization with a message when keychain discovery found no identity and the app is unsigned', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>();
    const { lines, log } = recorder();
    await afterSign(macContext(), {
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'true', ...APPLE_ID },
      log,
      notarize,
      codeSignature: async () => ({ signed: false, reason: 'it is not signed at all' }),
    });
    expect(notarize).not.toHaveBeenCalled();
    expect(lines).toEqual([
      `macOS notarization skipped: ${APP_PATH} has no Developer ID signature (it is not signed at all). ` +
        'electron-builder goes on unsigned when it finds no usable identity; its log above says why',
    ]);
  });

  it('leaves a signed Windows build alone', async () => {
    const notarize = vi.fn<(options: NotarizeOptionsNotaryTool) => Promise<void>>();
    const { lines, log } = recorder();
    await afterSign(macContext('win32'), { env: { ...SIGNING, ...APPLE_ID }, log, notarize });
    expect(notarize).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('uses @electron/notarize, found through electron-builder, when none is injected', async () => {
    const notarize = await loadNotarize();
    expect(notarize).toBeTypeOf('function');
    expect(notarize.name).toBe('notarize');
  });
});

describe('the app’s code signature, as codesign reports it', () => {
  it('is a Developer ID signature with its authority and team', () => {
    expect(developerIdSignature(DEVELOPER_ID_DETAILS)).toEqual(DEVELOPER_ID);
  });

  it('is not one when the app is unsigned or only ad-hoc signed (Electron’s own, or after the fuses)', () => {
    expect(developerIdSignature(`${APP_PATH}: code object is not signed at all`)).toEqual({
      signed: false,
      reason: 'it is not signed at all',
    });
    const adHoc = [
      `Executable=${APP_PATH}/Contents/MacOS/MM Tray`,
      'Signature=adhoc',
      'TeamIdentifier=not set',
    ].join('\n');
    expect(developerIdSignature(adHoc)).toEqual({
      signed: false,
      reason: 'it has only an ad-hoc signature',
    });
  });

  it('is not one when a development certificate signed it', () => {
    const development = DEVELOPER_ID_DETAILS.replace(
      'Authority=Developer ID Application: 55 Tech (TEAM123456)',
      'Authority=Apple Development: someone@example.com (ABCDE12345)',
    );
    expect(developerIdSignature(development)).toEqual({
      signed: false,
      reason:
        'it is signed by Apple Development: someone@example.com (ABCDE12345), not a Developer ID Application certificate',
    });
  });

  it('is not one without a team identifier', () => {
    const noTeam = DEVELOPER_ID_DETAILS.replace(
      'TeamIdentifier=TEAM123456',
      'TeamIdentifier=not set',
    );
    expect(developerIdSignature(noTeam)).toMatchObject({ signed: false });
  });

  it('counts as unsigned when codesign cannot check the bundle (missing bundle, or no codesign)', async () => {
    const result = await readCodeSignature('/nonexistent/MM Tray.app');
    expect(result.signed).toBe(false);
  });
});
