import type { NotarizeOptionsNotaryTool } from '@electron/notarize/lib/types';
import type { AfterPackContext, AppInfo } from 'electron-builder';
import type { CodeSignature } from './code-signature.mjs';

export interface AfterSignDeps {
  env?: Readonly<Record<string, string | undefined>>;
  log?: (message: string) => void;
  /** Defaults to @electron/notarize's notarize. */
  notarize?: (options: NotarizeOptionsNotaryTool) => Promise<void>;
  /** The app bundle's signature; defaults to asking codesign. */
  codeSignature?: (appPath: string) => Promise<CodeSignature>;
}

export type AfterSignContext = Pick<AfterPackContext, 'electronPlatformName' | 'appOutDir'> & {
  packager: { appInfo: Pick<AppInfo, 'productFilename'> };
};

export default function afterSign(context: AfterSignContext, deps?: AfterSignDeps): Promise<void>;

/** @electron/notarize's notarize, resolved from electron-builder's own dependencies. */
export function loadNotarize(): Promise<(options: NotarizeOptionsNotaryTool) => Promise<void>>;
